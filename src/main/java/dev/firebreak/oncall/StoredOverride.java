package dev.firebreak.oncall;

import java.time.Instant;

/**
 * An override as stored: who takes over {@code [start, end)} and who asked for it.
 *
 * @param swapGroup the id shared by the two overrides of a swap, else null
 */
public record StoredOverride(
        long id,
        String schedule,
        String username,
        String replaces,
        Instant start,
        Instant end,
        String createdBy,
        Instant createdAt,
        String swapGroup) {
    public ScheduleOverride toOverride() {
        return new ScheduleOverride(id, username, replaces, start, end);
    }
}
