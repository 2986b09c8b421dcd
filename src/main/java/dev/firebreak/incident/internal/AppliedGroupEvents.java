package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which alert-group events the incidents applied (incident_group_events, incidents.group_event_at):
 * what makes a second or late delivery of a durable event change nothing.
 */
@Repository
class AppliedGroupEvents {
    private final JdbcClient jdbc;

    AppliedGroupEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims an alert-group event for this transaction; false when it was applied before. A
     * concurrent claim of the same event fails one of the two with a duplicate key.
     */
    boolean claim(java.util.UUID eventId, Instant at) {
        boolean seen = jdbc.sql("select count(*) from incident_group_events where event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            return false;
        }
        jdbc.sql("delete from incident_group_events where applied_at < ?")
                .param(utc(at.minus(java.time.Duration.ofDays(7))))
                .update();
        jdbc.sql("insert into incident_group_events (event_id, applied_at) values (?, ?)")
                .params(eventId, utc(at))
                .update();
        return true;
    }

    /** The time of the latest group event the incident applied, or null. */
    Optional<Instant> at(long id) {
        return jdbc.sql("select group_event_at from incidents where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "group_event_at")))
                .single();
    }

    /** Records that the incident applied its group's event of this time. */
    void record(long id, Instant at) {
        jdbc.sql(
                        "update incidents set group_event_at = ? where id = ? and (group_event_at is null or group_event_at < ?)")
                .params(utc(at), id, utc(at))
                .update();
    }
}
