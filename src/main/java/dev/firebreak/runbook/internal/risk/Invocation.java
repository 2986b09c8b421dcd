package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command name with its arguments (quotes removed), the text it reads on stdin from heredocs or
 * here-strings, and the shell judge for commands it runs in turn (sudo, xargs, watch, ...).
 */
record Invocation(String name, List<String> args, List<String> stdin, ShellRisk shell, int depth) {

    /** Whether any argument is one of the flags, or a long flag of them with "=value". */
    boolean has(String... flags) {
        for (String arg : args) {
            for (String flag : flags) {
                if (arg.equals(flag) || (flag.startsWith("--") && arg.startsWith(flag + "="))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a short-option cluster such as -fdx contains the letter. */
    boolean hasShort(char letter) {
        for (String arg : args) {
            if (arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-' && arg.indexOf(letter) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The value of a flag given as "--flag value", "--flag=value" or "-Xvalue", else null. */
    String value(String... flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            for (String flag : flags) {
                if (arg.equals(flag)) {
                    return i + 1 < args.size() ? args.get(i + 1) : "";
                }
                if (flag.startsWith("--") && arg.startsWith(flag + "=")) {
                    return arg.substring(flag.length() + 1);
                }
                if (!flag.startsWith("--") && flag.length() == 2 && arg.startsWith(flag) && arg.length() > 2) {
                    return arg.substring(2);
                }
            }
        }
        return null;
    }

    /** Arguments that are not options, skipping the values of the given value-taking flags. */
    List<String> positionals(Set<String> valueFlags) {
        List<String> result = new ArrayList<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (rest || !arg.startsWith("-") || arg.equals("-")) {
                result.add(arg);
            } else if (arg.equals("--")) {
                rest = true;
            } else if (valueFlags.contains(arg)) {
                i++;
            }
        }
        return result;
    }

    /** The i-th positional argument lower-cased, or "" when absent. */
    String positional(int i, Set<String> valueFlags) {
        List<String> positionals = positionals(valueFlags);
        return i < positionals.size() ? positionals.get(i).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The arguments after a literal "--" (kubectl exec ... -- cmd), or an empty list. */
    List<String> afterDoubleDash() {
        int i = args.indexOf("--");
        return i < 0 ? List.of() : args.subList(i + 1, args.size());
    }

    /** Judges words this command runs as a command of its own (sudo CMD, xargs CMD, ...). */
    Verdict run(List<String> words) {
        return shell.judgeWords(words, stdin, depth + 1);
    }

    /** Judges a string this command runs as a shell script (watch '...', bash -c '...'). */
    Verdict runScript(String script) {
        return shell.judgeText(script, depth + 1);
    }
}
