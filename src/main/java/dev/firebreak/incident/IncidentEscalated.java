package dev.firebreak.incident;

import java.util.UUID;

/**
 * A person asked for escalation; the escalation feature pages the next level, once per request.
 *
 * @param id the request's identity: a second delivery of it (a retry, a republication after a
 *     crash) moves nothing; null in events stored before requests had one
 */
public record IncidentEscalated(long incidentId, String by, String reason, UUID id) {

    /** A new request, with an id of its own. */
    public IncidentEscalated(long incidentId, String by, String reason) {
        this(incidentId, by, reason, UUID.randomUUID());
    }
}
