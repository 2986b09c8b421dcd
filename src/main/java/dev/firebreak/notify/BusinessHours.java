package dev.firebreak.notify;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The working week a page counts as "in hours" in: from {@code start} (inclusive) to {@code end}
 * (exclusive) local time on the given days, in the zone.
 */
public record BusinessHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
    public BusinessHours {
        days = Set.copyOf(days);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("business hours must start before they end: " + start + "-" + end);
        }
    }
}
