package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.IntakeException;
import dev.firebreak.alert.Integration;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** A token bucket per integration (on this node): ratePerSecond refill, burst capacity. */
@Component
public class RateLimits {
    private record Limited(int rate, int burst, Bucket bucket) {}

    private final ConcurrentHashMap<Long, Limited> buckets = new ConcurrentHashMap<>();

    /** Takes one token or throws 429 with the seconds until one is available. */
    public void take(Integration integration) {
        Limited limited = buckets.compute(
                integration.id(),
                (id, old) ->
                        old != null && old.rate() == integration.ratePerSecond() && old.burst() == integration.burst()
                                ? old
                                : new Limited(integration.ratePerSecond(), integration.burst(), bucket(integration)));
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new IntakeException.RateLimited(seconds);
        }
    }

    private static Bucket bucket(Integration integration) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(integration.burst())
                        .refillGreedy(integration.ratePerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
