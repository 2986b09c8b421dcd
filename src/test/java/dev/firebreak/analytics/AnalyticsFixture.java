package dev.firebreak.analytics;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Rows written straight into the incident, notify and alert tables, so every number the report
 * gives can be worked out by hand (AnalyticsApiIT shows the working).
 */
final class AnalyticsFixture {
    /** A Monday noon, far from the real time the other tests write at. */
    static final Instant NOW = Instant.parse("2030-01-07T12:00:00Z");

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String svcA = "checkout-" + id;
    final String svcB = "search-" + id;
    final String teamA = "payments-" + id;
    final String teamB = "discovery-" + id;
    final String runbook = "disk-" + id;
    final String alice = "alice-" + id;
    final String bob = "bob-" + id;
    final String formulaAlert = "=HYPERLINK(\"http://x\",\"y\")";
    private final JdbcClient jdbc;
    private final AtomicLong ids = new AtomicLong(900_000);

    AnalyticsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** An incident with its cycles: each {opened, acknowledged or null, resolved or null}. */
    long incident(String group, String service, String severity, Long target, String slug, Instant[]... cycles) {
        Instant[] last = cycles[cycles.length - 1];
        boolean open = last[2] == null;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into incidents (group_key, open_group_key, title, state, service, severity,"
                        + " response_target_seconds, runbook_slug, opened_at, acknowledged_at, resolved_at,"
                        + " reopen_count, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        group + id,
                        open ? group + id : null,
                        "Incident of " + group,
                        open ? (last[1] == null ? "TRIGGERED" : "ACKNOWLEDGED") : "RESOLVED",
                        service,
                        severity,
                        target,
                        slug,
                        utc(cycles[0][0]),
                        utc(last[1]),
                        utc(last[2]),
                        cycles.length - 1,
                        utc(NOW))
                .update(keys, "id");
        long incident = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < cycles.length; i++) {
            jdbc.sql("insert into incident_cycles (incident_id, cycle, opened_at, acknowledged_at, resolved_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(incident, i + 1, utc(cycles[i][0]), utc(cycles[i][1]), utc(cycles[i][2]))
                    .update();
        }
        return incident;
    }

    void alertOf(long incident, Instant startsAt) {
        jdbc.sql(
                        "insert into incident_alerts (incident_id, alert_id, fingerprint, name, status, labels_json,"
                                + " annotations_json, starts_at, last_seen_at) values (?, ?, 'f', 'a', 'RESOLVED', '{}', '{}', ?, ?)")
                .params(incident, ids.incrementAndGet(), utc(startsAt), utc(NOW))
                .update();
    }

    /** A page to a person, written as one ledger row per contact method it went to. */
    void page(String username, long incident, Instant at, int methods) {
        long page = ids.incrementAndGet();
        for (int m = 0; m < methods; m++) {
            message("PAGE", username, incident, page, at);
        }
    }

    void message(String kind, String username, long incident, Long page, Instant at) {
        String key = UUID.randomUUID().toString();
        jdbc.sql("insert into notify_messages (message_key, cause_key, kind, incident_id, page_id, username,"
                        + " channel_type, address, urgency, state, due_at, created_at, attempts)"
                        + " values (?, ?, ?, ?, ?, ?, 'EMAIL', 'x@example.com', 'HIGH', 'SENT', ?, ?, 1)")
                .params(key, key, kind, incident, page, username, utc(at), utc(at))
                .update();
    }

    long integration() {
        jdbc.sql("insert into integrations (name, type, key_hash, key_prefix, rate_per_second, rate_burst, created_at)"
                        + " values (?, 'GENERIC', ?, 'fb_x', 10, 10, ?)")
                .params("analytics-" + id, UUID.randomUUID().toString().replace("-", ""), utc(NOW))
                .update();
        return jdbc.sql("select id from integrations where name = ?")
                .param("analytics-" + id)
                .query(Long.class)
                .single();
    }

    /** One firing of an alert (a row of the history) with how many deliveries it had. */
    void firing(long integration, String fingerprint, String name, Instant at, int receives) {
        jdbc.sql("insert into alerts (fingerprint, integration_id, labels_json, annotations_json, status, starts_at,"
                        + " first_received_at) values (?, ?, ?, '{}', 'RESOLVED', ?, ?)")
                .params(
                        fingerprint,
                        integration,
                        "{\"alertname\":" + json(name) + ",\"service\":\"" + svcA + "\"}",
                        utc(at),
                        utc(at))
                .update();
        long alert = jdbc.sql("select max(id) from alerts").query(Long.class).single();
        jdbc.sql(
                        "insert into alert_receipts (alert_id, firing, receive_count, last_received_at) values (?, false, ?, ?)")
                .params(alert, receives, utc(at.plus(Duration.ofMinutes(1))))
                .update();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
