package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.alert.internal.store.AlertStore;
import dev.firebreak.alert.internal.store.AlertWrite;
import dev.firebreak.alert.internal.store.AlertWriter;
import dev.firebreak.alert.internal.store.AlertWritten;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The HeartbeatMissed alert of a monitor, written into the alert store inside the caller's
 * transaction and published as the writer publishes: grouping, silences, routing and incidents
 * then treat it like any sender's alert, and the monitor's state change commits with it.
 */
@Component
public class HeartbeatAlerts {
    /** Recorded as the alert's sender. */
    static final String SENDER = "heartbeats";

    private final AlertStore alerts;
    private final AlertWriter writer;
    private final HeartbeatStore store;

    HeartbeatAlerts(AlertStore alerts, AlertWriter writer, HeartbeatStore store) {
        this.alerts = alerts;
        this.writer = writer;
        this.store = store;
    }

    /** {@code alertname=HeartbeatMissed}, {@code heartbeat=NAME} and the monitor's own labels. */
    public static Map<String, String> labels(Heartbeat heartbeat) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", Heartbeat.ALERT_NAME);
        labels.put(Heartbeat.LABEL, heartbeat.name());
        heartbeat.labels().forEach(labels::putIfAbsent);
        return labels;
    }

    public static String fingerprint(Heartbeat heartbeat) {
        return Fingerprints.hex(labels(heartbeat));
    }

    /** Fires the monitor's alert (a refresh if it fires already); it never times out by itself. */
    public void raise(Heartbeat heartbeat, Instant now) {
        long integration = store.heartbeatIntegration(now);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(
                "summary",
                heartbeat.lastPingAt() == null
                        ? "no heartbeat from " + heartbeat.name()
                        : "no heartbeat from " + heartbeat.name() + " since "
                                + heartbeat.lastPingAt().truncatedTo(ChronoUnit.SECONDS));
        if (!heartbeat.description().isBlank()) {
            annotations.put("description", heartbeat.description());
        }
        Instant startsAt = heartbeat.dueAt() == null ? now : heartbeat.dueAt();
        write(
                new AlertWrite(
                        AlertWrite.Action.FIRE,
                        fingerprint(heartbeat),
                        integration,
                        SENDER,
                        null,
                        labels(heartbeat),
                        annotations,
                        startsAt,
                        null,
                        null,
                        null),
                now);
    }

    /** Resolves the alert the monitor raised, by the fingerprint it recorded; nothing if none. */
    public void resolve(String fingerprint, Heartbeat heartbeat, Instant now) {
        if (fingerprint == null) {
            return;
        }
        write(
                new AlertWrite(
                        AlertWrite.Action.RESOLVE,
                        fingerprint,
                        store.heartbeatIntegration(now),
                        SENDER,
                        null,
                        labels(heartbeat),
                        Map.of(),
                        null,
                        now,
                        null,
                        null),
                now);
    }

    private void write(AlertWrite write, Instant now) {
        AlertWritten written = alerts.applyAll(List.of(write), now).get(0);
        writer.publish(written, SENDER);
    }
}
