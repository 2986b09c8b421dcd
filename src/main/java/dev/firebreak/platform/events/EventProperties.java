package dev.firebreak.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Durable hand-offs between features ({@code firebreak.events.*}).
 *
 * @param listenerThreads threads per node that run durable listeners (default 4); bounded so a
 *     burst of events cannot take every database connection from alert intake
 * @param listenerQueue events waiting for a listener thread (default 10000); beyond it an event
 *     waits in the registry for its retry
 * @param retryCheck how often a node looks for failed hand-offs to retry (default 5 s)
 * @param retryBackoff the wait before the first retry (default 5 s); it doubles with each failed
 *     attempt, with jitter
 * @param retryBackoffMax the longest wait between retries (default 10 minutes)
 */
@ConfigurationProperties("firebreak.events")
public record EventProperties(
        @DefaultValue("4") int listenerThreads,
        @DefaultValue("10000") int listenerQueue,
        @DefaultValue("5s") Duration retryCheck,
        @DefaultValue("5s") Duration retryBackoff,
        @DefaultValue("10m") Duration retryBackoffMax) {}
