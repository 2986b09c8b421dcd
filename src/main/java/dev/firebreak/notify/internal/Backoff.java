package dev.firebreak.notify.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter in its upper half, never shorter than a Retry-After. */
final class Backoff {
    private Backoff() {}

    static Duration after(int attempt, Duration initial, Duration max, Duration retryAfter) {
        long base = initial.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(max.toMillis(), base);
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long wait = Math.max(jittered, retryAfter == null ? 0 : retryAfter.toMillis());
        return Duration.ofMillis(wait);
    }
}
