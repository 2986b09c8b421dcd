package dev.firebreak.runbook.internal.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A model value with the line it was read from, so values read by different passes merge in document order. */
record Located<T>(int line, T value) {

    /** The values of all lists, ordered by line (stable for equal lines). */
    @SafeVarargs
    static <T> List<T> inOrder(List<Located<T>>... lists) {
        List<Located<T>> all = new ArrayList<>();
        for (List<Located<T>> list : lists) {
            all.addAll(list);
        }
        all.sort(Comparator.comparingInt(Located::line));
        return all.stream().map(Located::value).toList();
    }
}
