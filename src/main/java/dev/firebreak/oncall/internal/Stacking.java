package dev.firebreak.oncall.internal;

import dev.firebreak.oncall.OnCallShift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays timelines over each other: at every instant the first timeline (in rank order) that has
 * somebody wins. Each timeline must be sorted and without overlaps; so is the result.
 */
final class Stacking {
    private Stacking() {}

    /** One sweep over every boundary, so the work is (boundaries x timelines), not quadratic in shifts. */
    static List<OnCallShift> topmost(String schedule, List<List<OnCallShift>> highestFirst) {
        List<Instant> cuts = new ArrayList<>();
        for (List<OnCallShift> timeline : highestFirst) {
            for (OnCallShift s : timeline) {
                cuts.add(s.start());
                cuts.add(s.end());
            }
        }
        cuts.sort(null);
        int[] next = new int[highestFirst.size()];
        List<OnCallShift> out = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null && previous.isBefore(cut)) {
                OnCallShift winner = winnerAt(previous, highestFirst, next);
                if (winner != null) {
                    append(out, new OnCallShift(schedule, winner.username(), previous, cut, winner.source()));
                }
            }
            previous = cut;
        }
        return out;
    }

    private static OnCallShift winnerAt(Instant at, List<List<OnCallShift>> highestFirst, int[] next) {
        for (int t = 0; t < highestFirst.size(); t++) {
            List<OnCallShift> timeline = highestFirst.get(t);
            while (next[t] < timeline.size() && !timeline.get(next[t]).end().isAfter(at)) {
                next[t]++;
            }
            if (next[t] < timeline.size() && !timeline.get(next[t]).start().isAfter(at)) {
                return timeline.get(next[t]);
            }
        }
        return null;
    }

    /** Adds a shift, joining it to the last one when it continues it for the same user from the same source. */
    static void append(List<OnCallShift> out, OnCallShift shift) {
        if (!out.isEmpty()) {
            OnCallShift last = out.getLast();
            if (last.end().equals(shift.start())
                    && last.username().equals(shift.username())
                    && Objects.equals(last.source(), shift.source())) {
                out.set(
                        out.size() - 1,
                        new OnCallShift(last.schedule(), last.username(), last.start(), shift.end(), last.source()));
                return;
            }
        }
        out.add(shift);
    }
}
