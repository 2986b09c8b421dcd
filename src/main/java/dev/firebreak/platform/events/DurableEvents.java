package dev.firebreak.platform.events;

import static dev.firebreak.platform.storage.Timestamps.instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Service;

/**
 * The hand-offs between features that are not done yet (Spring Modulith's event publication
 * registry): listed for admins, counted for Prometheus, retried now on request.
 */
@Service
public class DurableEvents {
    private static final int EXCERPT = 300;

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;

    DurableEvents(JdbcClient jdbc, FailedEventPublications failed, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.failed = failed;
        meters.ifAvailable(registry -> {
            Gauge.builder("firebreak.events.pending", this, DurableEvents::pending)
                    .description("durable hand-offs not completed yet")
                    .register(registry);
            Gauge.builder("firebreak.events.failed", this, DurableEvents::failing)
                    .description("durable hand-offs whose last attempt failed")
                    .register(registry);
        });
    }

    /** Hand-offs not completed, oldest first. */
    public List<HandOff> list(int limit) {
        return jdbc.sql("select id, listener_id, event_type, status, completion_attempts, publication_date,"
                        + " last_resubmission_date, serialized_event from event_publication"
                        + " where completion_date is null order by publication_date fetch first " + limit
                        + " rows only")
                .query((rs, n) -> {
                    String event = rs.getString("serialized_event");
                    return new HandOff(
                            rs.getObject("id", java.util.UUID.class),
                            rs.getString("listener_id"),
                            rs.getString("event_type"),
                            rs.getString("status"),
                            rs.getInt("completion_attempts"),
                            instant(rs, "publication_date"),
                            instant(rs, "last_resubmission_date"),
                            event.length() <= EXCERPT ? event : event.substring(0, EXCERPT) + "…");
                })
                .list();
    }

    public long pending() {
        return count("completion_date is null");
    }

    public long failing() {
        return count("completion_date is null and status = 'FAILED'");
    }

    /** Retries every failed hand-off now, whatever its backoff. */
    public void retryFailedNow() {
        failed.resubmit(ResubmissionOptions.defaults());
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from event_publication where " + where)
                .query(Long.class)
                .single();
    }
}
