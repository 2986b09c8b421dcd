package dev.firebreak.alert;

import java.time.Instant;

/** While it lasts, alerts routed to the service are muted. */
public record MaintenanceWindow(
        long id,
        String service,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant createdAt) {

    public boolean activeAt(Instant now) {
        return !startsAt.isAfter(now) && endsAt.isAfter(now);
    }
}
