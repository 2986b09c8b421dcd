package dev.firebreak.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A window in which a layer is active, in the schedule's zone: "weekdays 09:00-17:00" is
 * {@code (MONDAY..FRIDAY, 09:00, 17:00)}; "nights" is {@code (all days, 22:00, 06:00)}, a window
 * that starts on each of {@code days} and ends the next morning. {@code from == to} is all day.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {}
