package dev.firebreak.oncall;

/**
 * Something that will make a page go nowhere, flagged before it matters (Grafana OnCall #1326).
 *
 * @param layer the layer concerned, or null for an override
 */
public record ScheduleWarning(String schedule, String layer, String username, Kind kind, String message) {
    public enum Kind {
        /** The person has no contact method: a page would reach nobody. */
        NO_CONTACT_METHOD,
        /** The person has contact methods, but none verified, enabled and with a channel for high urgency. */
        NO_WORKING_CONTACT_METHOD,
        /** The layer names a user that does not exist (any more). */
        UNKNOWN_USER,
        /** The layer names a user whose account is disabled. */
        DISABLED_USER
    }
}
