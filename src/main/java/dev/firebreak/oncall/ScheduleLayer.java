package dev.firebreak.oncall;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One rotation of a schedule. Members take turns in order from {@code start} (a wall-clock time
 * in the schedule's zone, which is also the handoff time of day); a layer with restrictions is
 * on call only inside them. Layers stack: where a higher {@code priority} layer has somebody, it
 * wins; where it has nobody (restricted, or not started yet), the layer below shows through.
 */
public record ScheduleLayer(
        String name,
        int priority,
        List<String> members,
        LocalDateTime start,
        RotationLength length,
        List<Restriction> restrictions) {}
