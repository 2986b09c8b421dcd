package dev.firebreak.statuspage;

import java.time.Instant;
import java.util.List;

/**
 * A public incident or scheduled maintenance: the status page's own words, written by a person.
 * {@code incidentId} is the internal incident it speaks for (or null), never shown in public.
 *
 * @param status as stored; a maintenance's status follows its window when read ({@link #statusAt})
 */
public record PublicIncident(
        long id,
        String publicId,
        long pageId,
        Kind kind,
        Long incidentId,
        String name,
        IncidentStatus status,
        Impact impact,
        Instant scheduledFor,
        Instant scheduledUntil,
        Instant startedAt,
        Instant monitoringAt,
        Instant resolvedAt,
        Instant createdAt,
        Instant updatedAt,
        List<Affected> components,
        List<PublicUpdate> updates) {
    public PublicIncident {
        components = List.copyOf(components);
        updates = List.copyOf(updates);
    }

    public enum Kind {
        INCIDENT,
        MAINTENANCE
    }

    /** A component the incident affects and the state it puts it in while unresolved. */
    public record Affected(long componentId, ComponentStatus status) {}

    /**
     * A maintenance nobody moved on by hand follows its window: in progress from its start,
     * completed at its end. Incidents are as stored.
     */
    public IncidentStatus statusAt(Instant now) {
        if (kind == Kind.MAINTENANCE && status == IncidentStatus.SCHEDULED && scheduledFor != null) {
            if (scheduledUntil != null && !now.isBefore(scheduledUntil)) {
                return IncidentStatus.COMPLETED;
            }
            return now.isBefore(scheduledFor) ? IncidentStatus.SCHEDULED : IncidentStatus.IN_PROGRESS;
        }
        if (kind == Kind.MAINTENANCE
                && status == IncidentStatus.IN_PROGRESS
                && scheduledUntil != null
                && !now.isBefore(scheduledUntil)) {
            return IncidentStatus.COMPLETED;
        }
        return status;
    }

    /** When it stopped counting: resolved by a person, or a maintenance's window ended. */
    public Instant endedAt(Instant now) {
        if (resolvedAt != null) {
            return resolvedAt;
        }
        return statusAt(now).finished() ? scheduledUntil : null;
    }
}
