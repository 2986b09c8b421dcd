package dev.firebreak.alert;

import java.time.Instant;
import java.util.List;

/**
 * Mutes the alerts its matchers all match while it is active. Expiring a silence ends it now.
 *
 * @param matchers in Alertmanager syntax, e.g. {@code alertname="DiskFull"}
 * @param updatedAt when it was created or last changed (expired)
 */
public record Silence(
        long id,
        List<String> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant createdAt,
        Instant updatedAt,
        SilenceState state) {

    public List<AlertMatcher> parsedMatchers() {
        return AlertMatcher.parseAll(matchers);
    }

    public static SilenceState stateAt(Instant startsAt, Instant endsAt, Instant now) {
        if (!endsAt.isAfter(now)) {
            return SilenceState.EXPIRED;
        }
        return startsAt.isAfter(now) ? SilenceState.PENDING : SilenceState.ACTIVE;
    }
}
