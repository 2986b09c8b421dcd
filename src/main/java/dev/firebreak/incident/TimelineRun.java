package dev.firebreak.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Identical timeline entries in a row read as one ("firing ×12, last 03:14"): a flapping alert is
 * one line on the incident page and in a postmortem's draft, not a screenful.
 *
 * @param first the run's first entry
 * @param last the run's last entry
 * @param count how many entries the run stands for
 */
public record TimelineRun(TimelineEntry first, TimelineEntry last, int count) {
    /**
     * Oldest first, as the entries come: entries of one kind and text are one run while {@code also}
     * (e.g. the alert's instance) gives equal values too.
     */
    public static List<TimelineRun> fold(List<TimelineEntry> entries, Function<TimelineEntry, ?> also) {
        List<TimelineRun> runs = new ArrayList<>();
        int i = 0;
        while (i < entries.size()) {
            TimelineEntry first = entries.get(i);
            Object key = also.apply(first);
            int j = i;
            while (j + 1 < entries.size()
                    && entries.get(j + 1).kind() == first.kind()
                    && entries.get(j + 1).text().equals(first.text())
                    && Objects.equals(also.apply(entries.get(j + 1)), key)) {
                j++;
            }
            runs.add(new TimelineRun(first, entries.get(j), j - i + 1));
            i = j + 1;
        }
        return runs;
    }
}
