package dev.firebreak.oncall;

import java.time.Instant;

/** Pure: turns a {@link ScheduleDefinition} into shifts over {@code [from, to)}. No Spring, no database. */
public final class ScheduleRenderer {
    private ScheduleRenderer() {}

    public static RenderedSchedule render(ScheduleDefinition definition, Instant from, Instant to) {
        throw new UnsupportedOperationException("not built yet");
    }
}
