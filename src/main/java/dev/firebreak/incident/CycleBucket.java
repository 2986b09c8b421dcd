package dev.firebreak.incident;

import java.time.Instant;

/** The cycles opened in one time bucket of a trend, starting at {@code start}. */
public record CycleBucket(Instant start, long cycles, Long mttaSeconds, Long mttrSeconds) {}
