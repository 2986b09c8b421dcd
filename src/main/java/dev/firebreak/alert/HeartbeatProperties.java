package dev.firebreak.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Heartbeat monitors ({@code firebreak.heartbeats.*}, docs/heartbeats.md).
 *
 * @param checkInterval how often one node (a db-scheduler task) looks for monitors past interval +
 *     grace (default 15 s); a monitor goes DOWN at most about this much late
 * @param pingFlush how often each node writes the alert pings (Watchdog) it matched in memory
 *     (default 1 s); the intake never waits for them
 * @param pingRatePerSecond HTTP pings per second one monitor may send on average (default 5)
 * @param pingBurst HTTP pings one monitor may send at once (default 20)
 */
@ConfigurationProperties("firebreak.heartbeats")
public record HeartbeatProperties(
        @DefaultValue("15s") Duration checkInterval,
        @DefaultValue("1s") Duration pingFlush,
        @DefaultValue("5") int pingRatePerSecond,
        @DefaultValue("20") int pingBurst) {}
