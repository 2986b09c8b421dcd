package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.HeartbeatProperties;
import dev.firebreak.alert.IntakeException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** A token bucket per monitor (on this node) for HTTP pings, as integrations have for intake. */
@Component
public class PingLimits {
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final HeartbeatProperties properties;

    PingLimits(HeartbeatProperties properties) {
        this.properties = properties;
    }

    /** Takes one token or throws 429 with the seconds until one is available. */
    public void take(long heartbeatId) {
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(heartbeatId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, properties.pingBurst()))
                        .refillGreedy(Math.max(1, properties.pingRatePerSecond()), Duration.ofSeconds(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new IntakeException.RateLimited(
                    Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
        }
    }
}
