package dev.firebreak.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A heartbeat monitor: something that must ping within {@code interval + grace}, over HTTP with
 * its secret or by sending a firing alert that matches {@code matchers} (Prometheus' Watchdog).
 *
 * @param labels extra labels of the HeartbeatMissed alert it raises (severity and service included)
 * @param matchers Alertmanager matchers of the alerts that count as pings; empty: HTTP pings only
 * @param integrationId only alerts from this integration count as pings, or null for any
 * @param dueAt when it goes DOWN unless pinged; null unless UP
 * @param secretPrefix the first characters of the ping secret, to tell secrets apart
 */
public record Heartbeat(
        long id,
        String name,
        String description,
        Duration interval,
        Duration grace,
        Map<String, String> labels,
        List<String> matchers,
        Long integrationId,
        HeartbeatState state,
        Instant lastPingAt,
        Instant dueAt,
        Instant downSince,
        String secretPrefix,
        Instant createdAt,
        Instant updatedAt) {

    /** The alert name of what a monitor raises when it misses its ping. */
    public static final String ALERT_NAME = "HeartbeatMissed";
    /** The label that names the monitor on its alert. */
    public static final String LABEL = "heartbeat";

    /**
     * What to create, or with null fields, what to change.
     *
     * @param severity, service shorthands for the labels of the same names
     */
    public record Spec(
            String name,
            String description,
            Duration interval,
            Duration grace,
            Map<String, String> labels,
            String severity,
            String service,
            List<String> matchers,
            Long integrationId) {}

    /** A new monitor, or one whose secret was rotated, with its one-time ping secret. */
    public record WithSecret(Heartbeat heartbeat, String secret) {}
}
