package dev.firebreak.runbook.internal.risk;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Word lists written as whitespace-separated text, so long rule tables stay compact and readable. */
final class Vocabulary {

    private Vocabulary() {}

    static Set<String> of(String words) {
        return Set.copyOf(Arrays.asList(words.strip().split("\\s+")));
    }

    /** The words plus "", which stands for a missing subcommand (plain "kubectl" prints help). */
    static Set<String> orNone(String words) {
        Set<String> set = new HashSet<>(of(words));
        set.add("");
        return Set.copyOf(set);
    }
}
