package dev.firebreak.statuspage.internal;

import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sliding windows over subscribe requests, per client address and per page, in memory: the page
 * is public, and each request may send a mail. Per node; behind a load balancer each node allows
 * its share, which still bounds what one client can make Firebreak send.
 */
@Component
public class SubscribeLimiter {
    private static final int MAX_KEYS = 100_000;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private final StatusPageProperties properties;
    private final Clock clock;

    SubscribeLimiter(StatusPageProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws FirebreakException.TooSoon when the client or the page asked too often */
    public void acquire(String page, String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            // Many clients at once: forget the oldest state rather than grow without bound.
            windows.clear();
        }
        take("client:" + page + ":" + client, properties.subscribeLimit(), properties.subscribeWindow(), now);
        take("page:" + page, properties.pageSubscribeLimit(), Duration.ofHours(1), now);
    }

    private void take(String key, int limit, Duration window, Instant now) {
        Deque<Instant> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait =
                        Duration.between(now, times.peekFirst().plus(window)).toSeconds();
                throw new FirebreakException.TooSoon("too many subscribe requests: try again later", wait);
            }
            times.addLast(now);
        }
    }
}
