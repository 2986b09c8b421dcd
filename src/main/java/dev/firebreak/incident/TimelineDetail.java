package dev.firebreak.incident;

import dev.firebreak.alert.AlertStatus;

/** Typed details of a timeline entry, one record per {@link TimelineKind}; postmortems and analytics read them. */
public sealed interface TimelineDetail {

    /** An alert joined the incident, fired again or resolved. */
    record AlertSeen(Long alertId, String fingerprint, String name, AlertStatus status) implements TimelineDetail {}

    /** The incident moved from one state to another (from is null when it opened), in this cycle. */
    record StateChange(IncidentState from, IncidentState to, int cycle, Cause cause) implements TimelineDetail {
        /** Why the state changed. */
        public enum Cause {
            OPENED,
            REOPENED,
            ACKNOWLEDGED,
            ACKNOWLEDGED_BY_SENDER,
            RESOLVED,
            AUTO_RESOLVED
        }
    }

    /** A person's note; the text is the entry's text. */
    record Note() implements TimelineDetail {}

    record RoleAssigned(IncidentRole role, String username) implements TimelineDetail {}

    /**
     * @param from the severity before, or null when the incident opened with this one
     * @param source what the level was mapped from (a route or label value), or null
     */
    record SeverityChange(String from, String to, String source) implements TimelineDetail {}

    /** @param reason why the runbook was chosen (the match, a person, a route) */
    record RunbookAttached(String slug, String title, String reason) implements TimelineDetail {}

    record EscalationRequested(String reason) implements TimelineDetail {}
}
