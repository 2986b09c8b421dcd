package dev.firebreak.platform.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Durable timers on the database ({@code firebreak.scheduler.*}, db-scheduler, decision 0006).
 *
 * @param pollingInterval how often a node looks for due timers (default 500 ms); a step is late by
 *     at most about this much
 * @param threads timers a node runs at once (default 8); they only touch the database
 * @param heartbeat how often a node marks the timers it runs as alive (default 5 s); another node
 *     takes over a timer whose node missed six heartbeats
 * @param shutdownWait how long a stopping node lets running timers finish (default 5 s)
 */
@ConfigurationProperties("firebreak.scheduler")
public record SchedulerProperties(
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("8") int threads,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("5s") Duration shutdownWait) {}
