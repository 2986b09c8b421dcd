package dev.firebreak.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * One trigger-to-resolve cycle of an incident: the first opening is cycle 1, each reopen adds one,
 * so every cycle's time to acknowledge and to resolve is kept.
 */
public record IncidentCycle(
        int cycle,
        Instant openedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy) {

    /** Time to acknowledge, or null while nobody has. */
    public Duration timeToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(openedAt, acknowledgedAt);
    }

    /** Time to resolve, or null while open. */
    public Duration timeToResolve() {
        return resolvedAt == null ? null : Duration.between(openedAt, resolvedAt);
    }
}
