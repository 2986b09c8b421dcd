package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.NotifyProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Sends at once per channel type on this node (a bulkhead): a channel that hangs holds its own
 * permits only, so other channels and incidents go on.
 */
@Component
class ChannelLimits {
    private final int permits;
    private final Map<ChannelType, Semaphore> limits = new ConcurrentHashMap<>();

    ChannelLimits(NotifyProperties properties) {
        this.permits = Math.max(1, properties.concurrency());
    }

    boolean tryAcquire(ChannelType type) {
        return limits.computeIfAbsent(type, t -> new Semaphore(permits)).tryAcquire();
    }

    void release(ChannelType type) {
        limits.get(type).release();
    }
}
