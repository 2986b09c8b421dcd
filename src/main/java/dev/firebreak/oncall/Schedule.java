package dev.firebreak.oncall;

import java.time.ZoneId;
import java.util.List;

/**
 * A stored schedule without its overrides: what {@link Schedules#create} and {@link
 * Schedules#update} take and {@link Schedules#get} returns.
 *
 * @param team the owning team's name, or null; overrides are then open to the layers' members only
 */
public record Schedule(String name, String description, String team, ZoneId zone, List<ScheduleLayer> layers) {
    public Schedule {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
