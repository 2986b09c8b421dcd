package dev.firebreak.escalation.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Escalate requests applied (escalation_requests): what makes a second delivery move nothing. */
@Repository
class EscalateRequests {
    private static final Duration KEPT = Duration.ofDays(7);

    private final JdbcClient jdbc;

    EscalateRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the request for this transaction; false when it was applied before. Callers hold the
     * incident's state row lock, so deliveries of one request on two nodes claim one after the other.
     */
    boolean claim(UUID request, long incidentId, Instant now) {
        boolean seen = jdbc.sql("select count(*) from escalation_requests where request_id = ?")
                        .param(request)
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            return false;
        }
        jdbc.sql("delete from escalation_requests where applied_at < ?")
                .param(utc(now.minus(KEPT)))
                .update();
        jdbc.sql("insert into escalation_requests (request_id, incident_id, applied_at) values (?, ?, ?)")
                .params(request, incidentId, utc(now))
                .update();
        return true;
    }
}
