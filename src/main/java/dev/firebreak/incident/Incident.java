package dev.firebreak.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * One incident: the alert group it belongs to, its state, severity, runbook and roles.
 *
 * @param reopenCount how many times a resolved incident fired again within the reopen window
 */
public record Incident(
        long id,
        String groupKey,
        String title,
        IncidentState state,
        String route,
        String service,
        String escalationPolicy,
        Severity severity,
        String runbookSlug,
        String commander,
        String communicationsLead,
        String scribe,
        Instant openedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        int reopenCount,
        Instant updatedAt) {

    /** Whether the response target is met, missed, or still running at {@code now}; "none" without one. */
    public String responseStatus(Instant now) {
        Long target = severity.responseTargetSeconds();
        if (target == null) {
            return "none";
        }
        Instant answered = acknowledgedAt != null ? acknowledgedAt : resolvedAt;
        if (answered != null) {
            return Duration.between(openedAt, answered).toSeconds() <= target ? "met" : "missed";
        }
        return Duration.between(openedAt, now).toSeconds() <= target ? "running" : "missed";
    }

    /** Time to acknowledge, or null while nobody has. */
    public Duration timeToAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(openedAt, acknowledgedAt);
    }

    public String lowerState() {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
