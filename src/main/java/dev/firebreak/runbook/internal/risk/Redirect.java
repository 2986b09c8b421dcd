package dev.firebreak.runbook.internal.risk;

/** A shell redirection: its operator (>, >>, <, <<, <<<, ...) and target word or heredoc delimiter. */
record Redirect(String operator, String target) {

    boolean isHeredoc() {
        return operator.equals("<<") || operator.equals("<<-");
    }

    /** Output redirections that write a real file; /dev/null and fd duplications are harmless. */
    boolean writesFile() {
        boolean output = operator.equals(">")
                || operator.equals(">>")
                || operator.equals(">|")
                || operator.equals("&>")
                || operator.equals("&>>")
                || operator.equals("<>")
                || operator.equals(">&");
        return output && !harmlessTarget(target);
    }

    static boolean harmlessTarget(String target) {
        if (target == null || target.isEmpty() || target.equals("-")) {
            return true;
        }
        if (target.chars().allMatch(Character::isDigit)) {
            return true;
        }
        return target.equals("/dev/null")
                || target.equals("/dev/stdout")
                || target.equals("/dev/stderr")
                || target.equals("/dev/tty");
    }
}
