package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.ScheduleRendering;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Pure: turns a {@link ScheduleDefinition} into shifts over {@code [from, to)}. No Spring, no database. */
public final class ScheduleRenderer {
    /** Source of the final shifts that come from an override. */
    public static final String OVERRIDE = ScheduleRendering.OVERRIDE_SOURCE;

    /** How far either side of an instant {@link #at} looks: a weekly shift fits in it. */
    public static final Duration AT_REACH = Duration.ofDays(8);

    private ScheduleRenderer() {}

    /**
     * Each layer's own shifts (restricted, clipped to the window) and the final timeline: the top
     * layer that has somebody, then overrides; sorted, without overlaps, clipped to {@code [from, to)},
     * adjacent shifts of one user from one source joined. Where nobody is on call there is no shift.
     * Layers of equal priority keep their order in the definition. An override's {@code replaces}
     * is matched against the stacked layers (before other overrides), so both halves of a swap apply.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or a rotation is shorter
     *     than an hour
     */
    public static RenderedSchedule render(ScheduleDefinition definition, Instant from, Instant to) {
        return ScheduleRendering.render(definition, from, to);
    }

    /**
     * The final shift covering {@code instant}, if anybody is on call then. Only a small window is
     * rendered, so the shift's start and end are cut to at most {@link #AT_REACH} from the instant.
     */
    public static Optional<OnCallShift> at(ScheduleDefinition definition, Instant instant) {
        return render(definition, instant.minus(AT_REACH), instant.plus(AT_REACH)).finalShifts().stream()
                .filter(s -> !s.start().isAfter(instant) && s.end().isAfter(instant))
                .findFirst();
    }
}
