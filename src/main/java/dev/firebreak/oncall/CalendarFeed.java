package dev.firebreak.oncall;

import java.time.Instant;

/**
 * A secret iCalendar feed of final shifts: of one schedule ({@code schedule} set) or of one
 * person's shifts on every schedule ({@code username} set). Its URL is shown once, at creation.
 */
public record CalendarFeed(
        long id, String schedule, String username, String createdBy, Instant createdAt, Instant revokedAt) {
    /** The feed and its secret path, {@code /calendar/{token}.ics}; only this answer carries it. */
    public record Issued(CalendarFeed feed, String path) {}
}
