package dev.firebreak.oncall;

import java.util.List;
import java.util.Map;

/**
 * A schedule rendered over a window: each layer's own shifts (before stacking and overrides, keyed
 * by layer name in priority order, highest first) and the final timeline, sorted, without overlaps.
 */
public record RenderedSchedule(String schedule, Map<String, List<OnCallShift>> layers, List<OnCallShift> finalShifts) {}
