package dev.firebreak.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Now in whole milliseconds, coarser than the databases keep. A finer instant may be stored rounded up,
 * and a message or an execution "due now" would then read back as due a moment later: under a
 * clock that does not move (tests) it would never be sent.
 */
final class LedgerTime {
    private LedgerTime() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
