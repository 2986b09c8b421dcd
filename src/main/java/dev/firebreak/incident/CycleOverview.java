package dev.firebreak.incident;

import java.util.List;
import java.util.Map;

/**
 * The numbers of a filter's cycles all together and broken down by each {@link CycleDimension},
 * counted from one pass over the cycles (the rows of a breakdown most cycles first, then by key).
 */
public record CycleOverview(CycleStatistics summary, Map<CycleDimension, List<CycleBreakdown>> breakdowns) {
    public CycleOverview {
        breakdowns = Map.copyOf(breakdowns);
    }

    public List<CycleBreakdown> by(CycleDimension dimension) {
        return breakdowns.getOrDefault(dimension, List.of());
    }
}
