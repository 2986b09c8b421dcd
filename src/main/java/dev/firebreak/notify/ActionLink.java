package dev.firebreak.notify;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.notify.RenderedMessage.Link.Action;
import java.time.Instant;

/**
 * What an acknowledge or resolve link in a page does, as its confirm page shows it.
 *
 * @param username the person paged, who the action is recorded as
 * @param state the incident's state now (after the action, once performed)
 */
public record ActionLink(
        Action action,
        long incidentId,
        String incidentTitle,
        String severity,
        IncidentState state,
        String username,
        Instant expiresAt) {}
