package dev.firebreak.runbook.internal.risk;

import java.util.List;

/**
 * One simple command of a shell line (a pipeline stage, an operand of && / || / ;, or the inside
 * of a $(...) substitution) with quotes removed from its words.
 *
 * @param heredocs bodies of its heredocs, filled in by {@link ShellScript} once the lines are read
 * @param piped whether the previous command's output is piped into it
 */
record SimpleCommand(List<String> words, List<Redirect> redirects, List<String> heredocs, boolean piped) {

    SimpleCommand withHeredocs(List<String> bodies) {
        return new SimpleCommand(words, redirects, List.copyOf(bodies), piped);
    }

    /** What it writes to a pipe when that is plain text: echo's arguments or cat's heredoc. */
    List<String> knownOutput() {
        if (words.isEmpty()) {
            return List.of();
        }
        return switch (words.get(0)) {
            case "echo" -> List.of(String.join(" ", words.subList(1, words.size())));
            case "cat" -> words.size() == 1 ? heredocs : List.of();
            default -> List.of();
        };
    }

    int heredocCount() {
        return (int) redirects.stream().filter(Redirect::isHeredoc).count();
    }
}
