package dev.firebreak.oncall.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open {@code [start, end)} span of time; the renderer's unit for windows and clipping. */
record Span(Instant start, Instant end) {
    boolean isEmpty() {
        return !start.isBefore(end);
    }

    /** This span cut to {@code [from, to)}; empty when they do not overlap. */
    Span clip(Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return new Span(s, e.isBefore(s) ? s : e);
    }

    /** The union of spans as sorted, disjoint, non-empty spans (touching spans are joined). */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted =
                new ArrayList<>(spans.stream().filter(s -> !s.isEmpty()).toList());
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && !s.start().isAfter(out.getLast().end())) {
                Span last = out.removeLast();
                out.add(new Span(last.start(), s.end().isAfter(last.end()) ? s.end() : last.end()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
