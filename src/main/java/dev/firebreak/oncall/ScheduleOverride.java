package dev.firebreak.oncall;

import java.time.Instant;

/**
 * A person takes over part of the final schedule: "I take Tuesday night" ({@code replaces} null:
 * whoever is on call then) or "cover me 14:00-16:00" ({@code replaces} the asking user, only
 * where that user is on call). A swap is two overrides saved together.
 *
 * @param id the stored override's id, 0 for one not saved yet
 */
public record ScheduleOverride(long id, String username, String replaces, Instant start, Instant end) {}
