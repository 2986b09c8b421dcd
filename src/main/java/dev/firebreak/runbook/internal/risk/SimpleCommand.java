package dev.firebreak.runbook.internal.risk;

import java.util.List;

/**
 * One simple command of a shell line (a pipeline stage, an operand of && / || / ;, or the inside
 * of a $(...) substitution) with quotes removed from its words.
 *
 * @param heredocs bodies of its heredocs, filled in by {@link ShellScript} once the lines are read
 */
record SimpleCommand(List<String> words, List<Redirect> redirects, List<String> heredocs) {

    SimpleCommand withHeredocs(List<String> bodies) {
        return new SimpleCommand(words, redirects, List.copyOf(bodies));
    }

    int heredocCount() {
        return (int) redirects.stream().filter(Redirect::isHeredoc).count();
    }
}
