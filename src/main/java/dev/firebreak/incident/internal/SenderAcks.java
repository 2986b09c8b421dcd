package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Senders' acknowledges of alerts kept until the alert's incident takes them
 * (incident_alert_acks): a PagerDuty acknowledge may arrive before its trigger's incident exists.
 */
@Repository
class SenderAcks {
    private final JdbcClient jdbc;

    SenderAcks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a sender's acknowledge of an alert until the alert's incident can take it. */
    void keep(long alertId, String by, Instant at) {
        jdbc.sql("delete from incident_alert_acks where alert_id = ? or acknowledged_at < ?")
                .params(alertId, utc(at.minus(java.time.Duration.ofDays(1))))
                .update();
        jdbc.sql("insert into incident_alert_acks (alert_id, acknowledged_by, acknowledged_at) values (?, ?, ?)")
                .params(alertId, by.length() <= 200 ? by : by.substring(0, 200), utc(at))
                .update();
    }

    /** Whether any acknowledge is kept: almost never, so a batch of new incidents skips the lookups. */
    boolean any() {
        return jdbc.sql("select count(*) from incident_alert_acks")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The first kept acknowledge of any of the incident's alerts: who, or empty. */
    Optional<String> first(long incidentId) {
        return jdbc
                .sql("select k.acknowledged_by from incident_alert_acks k join incident_alerts a"
                        + " on a.alert_id = k.alert_id where a.incident_id = ? order by k.acknowledged_at")
                .param(incidentId)
                .query(String.class)
                .stream()
                .findFirst();
    }

    /** Forgets the kept acknowledges of the incident's alerts, once applied. */
    void forget(long incidentId) {
        jdbc.sql("delete from incident_alert_acks where alert_id in"
                        + " (select alert_id from incident_alerts where incident_id = ?)")
                .param(incidentId)
                .update();
    }
}
