package dev.firebreak.analytics;

import dev.firebreak.incident.CycleStatistics;
import java.time.Duration;

/**
 * The numbers of a set of incident cycles as analytics shows them: the counts, durations in
 * seconds, and the shares they make (0..1, rounded to 4 places; null when there is nothing to divide).
 *
 * @param perWeek cycles per 7 days of the range
 * @param withinTargetShare judged cycles answered within the severity's response target
 * @param withinResolutionShare cycles resolved within the runbook's resolution time
 * @param repeatRate cycles that repeat the same group or runbook within the repeat window
 */
public record AnalyticsNumbers(
        long cycles,
        long incidents,
        double perWeek,
        long acknowledged,
        Long mttaSeconds,
        Long medianTtaSeconds,
        long resolved,
        Long mttrSeconds,
        Long medianTtrSeconds,
        long detected,
        Long mttdSeconds,
        long judged,
        long withinTarget,
        Double withinTargetShare,
        long resolutionJudged,
        long withinResolution,
        Double withinResolutionShare,
        long groupRepeats,
        long runbookRepeats,
        long repeats,
        Double repeatRate) {

    static AnalyticsNumbers of(CycleStatistics s, Duration range) {
        double weeks = range.toMillis() / (double) Duration.ofDays(7).toMillis();
        return new AnalyticsNumbers(
                s.cycles(),
                s.incidents(),
                Math.round(s.cycles() / weeks * 100) / 100.0,
                s.acknowledged(),
                s.mttaSeconds(),
                s.medianTtaSeconds(),
                s.resolved(),
                s.mttrSeconds(),
                s.medianTtrSeconds(),
                s.detected(),
                s.mttdSeconds(),
                s.judged(),
                s.withinTarget(),
                share(s.withinTarget(), s.judged()),
                s.resolutionJudged(),
                s.withinResolution(),
                share(s.withinResolution(), s.resolutionJudged()),
                s.groupRepeats(),
                s.runbookRepeats(),
                s.repeats(),
                share(s.repeats(), s.cycles()));
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
