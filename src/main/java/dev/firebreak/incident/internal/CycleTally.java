package dev.firebreak.incident.internal;

import dev.firebreak.incident.CycleStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The numbers of a set of cycles, added up one cycle at a time as SQL's aggregates would: exact
 * averages of the durations, medians interpolated as {@code percentile_cont(0.5)} does.
 */
final class CycleTally {
    private final long repeatWindow;
    private final Set<Long> incidents = new HashSet<>();
    private final Mean tta = new Mean(true);
    private final Mean ttr = new Mean(true);
    private final Mean ttd = new Mean(false);
    private long cycles;
    private long judged;
    private long withinTarget;
    private long resolutionJudged;
    private long withinResolution;
    private long groupRepeats;
    private long runbookRepeats;
    private long repeats;

    CycleTally(long repeatWindowSeconds) {
        this.repeatWindow = repeatWindowSeconds;
    }

    /** One cycle's facts; durations in seconds, null where the cycle has none. */
    record Fact(
            long incidentId,
            BigDecimal tta,
            BigDecimal ttr,
            BigDecimal answered,
            BigDecimal ttd,
            BigDecimal age,
            Long target,
            Long resolutionTarget,
            BigDecimal sinceGroup,
            BigDecimal sinceRunbook) {}

    void add(Fact f) {
        cycles++;
        incidents.add(f.incidentId());
        tta.add(f.tta());
        ttr.add(f.ttr());
        ttd.add(f.ttd());
        if (f.target() != null && (f.answered() != null || over(f.age(), f.target()))) {
            judged++;
        }
        if (f.answered() != null && f.target() != null && !over(f.answered(), f.target())) {
            withinTarget++;
        }
        if (f.resolutionTarget() != null && (f.ttr() != null || over(f.age(), f.resolutionTarget()))) {
            resolutionJudged++;
        }
        if (f.ttr() != null && f.resolutionTarget() != null && !over(f.ttr(), f.resolutionTarget())) {
            withinResolution++;
        }
        boolean group = within(f.sinceGroup());
        boolean runbook = within(f.sinceRunbook());
        groupRepeats += group ? 1 : 0;
        runbookRepeats += runbook ? 1 : 0;
        repeats += group || runbook ? 1 : 0;
    }

    long cycles() {
        return cycles;
    }

    CycleStatistics statistics() {
        return new CycleStatistics(
                cycles,
                incidents.size(),
                tta.count,
                tta.mean(),
                tta.median(),
                ttr.count,
                ttr.mean(),
                ttr.median(),
                ttd.count,
                ttd.mean(),
                judged,
                withinTarget,
                resolutionJudged,
                withinResolution,
                groupRepeats,
                runbookRepeats,
                repeats);
    }

    private boolean within(BigDecimal since) {
        return since != null && since.compareTo(BigDecimal.valueOf(repeatWindow)) <= 0;
    }

    private static boolean over(BigDecimal seconds, long limit) {
        return seconds != null && seconds.compareTo(BigDecimal.valueOf(limit)) > 0;
    }

    /** Count, exact sum and (when asked) every value of one duration. */
    private static final class Mean {
        private final boolean keepValues;
        private long count;
        private BigDecimal sum = BigDecimal.ZERO;
        private double[] values = new double[0];

        Mean(boolean keepValues) {
            this.keepValues = keepValues;
        }

        void add(BigDecimal value) {
            if (value == null) {
                return;
            }
            if (keepValues) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, Math.max(16, values.length * 2));
                }
                values[(int) count] = value.doubleValue();
            }
            count++;
            sum = sum.add(value);
        }

        /** Whole seconds, half up, of the exact average. */
        Long mean() {
            return count == 0
                    ? null
                    : sum.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                            .longValueExact();
        }

        Long median() {
            if (count == 0) {
                return null;
            }
            double[] sorted = Arrays.copyOf(values, (int) count);
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            double median = sorted.length % 2 == 1
                    ? sorted[middle]
                    : sorted[middle - 1] + (sorted[middle] - sorted[middle - 1]) * 0.5;
            return Math.round(median);
        }
    }
}
