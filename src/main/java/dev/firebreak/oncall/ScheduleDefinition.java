package dev.firebreak.oncall;

import java.time.ZoneId;
import java.util.List;

/** Everything that decides who is on call for one schedule; {@link ScheduleRenderer} renders it. */
public record ScheduleDefinition(
        String name, String team, ZoneId zone, List<ScheduleLayer> layers, List<ScheduleOverride> overrides) {}
