package dev.firebreak.oncall;

import java.time.Duration;
import java.time.Instant;

/**
 * One person on call for one span of a schedule, half-open {@code [start, end)}.
 *
 * @param source the layer's name, or {@code override} for an override
 */
public record OnCallShift(String schedule, String username, Instant start, Instant end, String source) {
    public Duration length() {
        return Duration.between(start, end);
    }
}
