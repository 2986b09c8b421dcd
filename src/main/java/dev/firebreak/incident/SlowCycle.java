package dev.firebreak.incident;

import java.time.Instant;

/** A cycle among the longest to resolve, to drill down to its incident. */
public record SlowCycle(
        long incidentId, int cycle, String title, String service, String severity, Instant openedAt, long ttrSeconds) {}
