package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Judges shell commands: drops control-flow keywords and variable assignments, weighs output
 * redirections, then asks the {@link CommandCatalog} about the command itself. Unknown commands are
 * mutating, because a responder must not run them believing they only look.
 */
final class ShellRisk {

    private static final Set<String> PREFIX_KEYWORDS = Vocabulary.of("""
                    if then else elif do while until ! { } fi done esac
                    """);
    private static final Set<String> HEADER_KEYWORDS = Set.of("for", "case", "select", "function", "in", ";;");

    private final Set<String> functions;

    ShellRisk(Set<String> functions) {
        this.functions = functions;
    }

    /** The highest verdict of a line's commands, or null when it holds no command (fi, done, }). */
    Verdict judgeLine(List<SimpleCommand> commands, int depth) {
        Verdict worst = null;
        List<String> piped = List.of();
        for (SimpleCommand command : commands) {
            // echo "DROP TABLE x" | psql: the text piped in is what psql runs
            worst = Verdict.max(worst, judge(command, command.piped() ? piped : List.of(), depth));
            piped = command.knownOutput();
        }
        return worst;
    }

    /** Judges shell text run by another command (watch '...', bash -c '...', ssh host '...'). */
    Verdict judgeText(String text, int depth) {
        if (depth > ShellParser.MAX_DEPTH) {
            return tooDeep();
        }
        ShellParser.Parsed parsed = ShellParser.parse(text, depth);
        Verdict verdict = judgeLine(parsed.commands(), depth);
        return parsed.tooDeep() ? Verdict.max(verdict, tooDeep()) : verdict;
    }

    Verdict judge(SimpleCommand command, List<String> pipedIn, int depth) {
        List<String> words = command.words();
        int start = 0;
        while (start < words.size() && PREFIX_KEYWORDS.contains(words.get(start))) {
            start++;
        }
        if (start < words.size() && words.get(start).equals("function") && words.contains("{")) {
            start = words.indexOf("{") + 1; // function f { cmd ...: judge the body's first command
            while (start < words.size() && PREFIX_KEYWORDS.contains(words.get(start))) {
                start++;
            }
        }
        if (start < words.size() && HEADER_KEYWORDS.contains(words.get(start))) {
            return null; // for x in ...; case $x in; function f {: the loop body is judged line by line
        }
        boolean assigned = false;
        while (start < words.size() && isAssignment(words.get(start))) {
            start++;
            assigned = true;
        }
        Verdict verdict = null;
        if (start < words.size()) {
            verdict = judgeWords(words.subList(start, words.size()), stdin(command, pipedIn), depth);
        } else if (assigned) {
            verdict = Verdict.readOnly("variable assignment");
        }
        for (Redirect redirect : command.redirects()) {
            if (redirect.writesFile()) {
                String what = redirect.operator().contains(">>") ? "appends to " : "overwrites ";
                verdict = Verdict.max(
                        verdict,
                        Verdict.mutating(
                                "'" + redirect.operator() + " " + redirect.target() + "' " + what + redirect.target()));
            }
        }
        return verdict;
    }

    /** Judges a command given as words, its name first. */
    Verdict judgeWords(List<String> words, List<String> stdin, int depth) {
        if (words.isEmpty()) {
            return null;
        }
        if (depth > ShellParser.MAX_DEPTH) {
            return tooDeep();
        }
        String name = words.get(0);
        if (name.startsWith("((")) {
            return Verdict.readOnly("arithmetic expression");
        }
        if (functions.contains(name)) {
            return Verdict.readOnly("calls function '" + name + "' defined in this block");
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        CommandRule rule = CommandCatalog.rule(base);
        if (rule != null && !base.isEmpty()) {
            return rule.judge(new Invocation(base, words.subList(1, words.size()), stdin, this, depth));
        }
        if (name.contains("/")) {
            return Verdict.mutating("runs script '" + name + "' (assumed mutating)");
        }
        if (name.startsWith("$")) {
            return Verdict.mutating("runs a command named by variable '" + name + "' (assumed mutating)");
        }
        return Verdict.unknown(name);
    }

    private static List<String> stdin(SimpleCommand command, List<String> pipedIn) {
        if (command.heredocs().isEmpty()
                && pipedIn.isEmpty()
                && command.redirects().stream().noneMatch(r -> r.operator().equals("<<<"))) {
            return List.of();
        }
        List<String> stdin = new ArrayList<>(pipedIn);
        stdin.addAll(command.heredocs());
        for (Redirect redirect : command.redirects()) {
            if (redirect.operator().equals("<<<")) {
                stdin.add(redirect.target());
            }
        }
        return stdin;
    }

    /** NAME=value, NAME+=value or NAME[i]=value. */
    static boolean isAssignment(String word) {
        int n = word.length();
        if (n == 0 || !(Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')) {
            return false;
        }
        int i = 1;
        while (i < n && (Character.isLetterOrDigit(word.charAt(i)) || word.charAt(i) == '_')) {
            i++;
        }
        if (i < n && word.charAt(i) == '[') {
            i = word.indexOf(']', i);
            if (i < 0) {
                return false;
            }
            i++;
        }
        if (i < n && word.charAt(i) == '+') {
            i++;
        }
        return i < n && word.charAt(i) == '=';
    }

    private static Verdict tooDeep() {
        return Verdict.mutating("commands nested too deeply to judge (assumed mutating)");
    }
}
