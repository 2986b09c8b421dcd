package dev.firebreak.incident;

/**
 * Numbers over a set of incident cycles; durations in whole seconds, null when no cycle has one.
 *
 * @param cycles cycles opened in the range (a reopened incident counts once per cycle)
 * @param incidents distinct incidents those cycles belong to
 * @param acknowledged cycles with an acknowledge, the base of the time to acknowledge
 * @param resolved cycles resolved, the base of the time to resolve
 * @param detected cycles whose alerts carried a start time at or before the cycle opened
 * @param judged cycles with a response target that were answered (acknowledged, else resolved) or
 *     are past it
 * @param withinTarget judged cycles answered within the severity's response target
 * @param resolutionJudged cycles whose runbook has a resolution time, resolved or past it
 * @param withinResolution of those, cycles resolved within the runbook's resolution time
 * @param repeats cycles whose group or runbook opened another cycle within the repeat window before
 */
public record CycleStatistics(
        long cycles,
        long incidents,
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
        long resolutionJudged,
        long withinResolution,
        long groupRepeats,
        long runbookRepeats,
        long repeats) {}
