package dev.firebreak.incident;

/** The numbers of the cycles sharing one value of a {@link CycleDimension}; key null for none. */
public record CycleBreakdown(String key, CycleStatistics statistics) {}
