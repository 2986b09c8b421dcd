package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.platform.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes to the alerts table, inside the writer's (or the sweeper's) transaction. */
@Repository
public class AlertStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AlertQueries queries;

    AlertStore(JdbcClient jdbc, JsonMapper json, AlertQueries queries) {
        this.jdbc = jdbc;
        this.json = json;
        this.queries = queries;
    }

    /** Firing alerts whose endsAt or resolve timeout passed. */
    public List<Long> timedOut(Instant now, int limit) {
        return jdbc.sql("select id from alerts where status = 'FIRING' and timeout_at <= ?"
                        + " order by timeout_at fetch first " + limit + " rows only")
                .param(Timestamps.utc(now))
                .query(Long.class)
                .list();
    }

    /** Resolves one timed-out alert unless it was refreshed or resolved meanwhile (by any node). */
    public AlertWritten resolveTimedOut(long id, Instant now) {
        Optional<Alert> alert = queries.find(id);
        if (alert.isEmpty()) {
            return new AlertWritten(AlertWritten.Outcome.UNCHANGED, null);
        }
        int changed = jdbc.sql("update alerts set status = 'RESOLVED', firing_fingerprint = null,"
                        + " ends_at = coalesce(ends_at, timeout_at), resolved_at = ?"
                        + " where id = ? and status = 'FIRING' and timeout_at <= ?")
                .params(Timestamps.utc(now), id, Timestamps.utc(now))
                .update();
        return changed == 0
                ? new AlertWritten(AlertWritten.Outcome.UNCHANGED, null)
                : new AlertWritten(
                        AlertWritten.Outcome.RESOLVED, queries.find(id).orElseThrow());
    }

    /** Applies one reported alert; must run in a transaction. */
    public AlertWritten apply(AlertWrite write, Instant now) {
        // A refresh replaces labels and annotations, so it need not read (and parse) the old ones.
        boolean fire = write.action() == AlertWrite.Action.FIRE;
        Optional<Alert> firing = jdbc.sql(
                        "select " + (fire ? AlertQueries.LIGHT : "*") + " from alerts where firing_fingerprint = ?")
                .param(write.fingerprint())
                .query(fire ? queries::light : queries::alert)
                .optional();
        return switch (write.action()) {
            case FIRE -> firing.map(existing -> refresh(existing, write, now)).orElseGet(() -> insert(write, now));
            case RESOLVE ->
                firing.map(existing -> resolve(existing, write, now))
                        .orElse(new AlertWritten(AlertWritten.Outcome.UNCHANGED, null));
            case ACKNOWLEDGE ->
                firing.map(existing -> acknowledge(existing, now))
                        .orElse(new AlertWritten(AlertWritten.Outcome.UNCHANGED, null));
        };
    }

    private AlertWritten insert(AlertWrite w, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into alerts (fingerprint, firing_fingerprint, integration_id, dedup_key, labels_json,"
                                + " annotations_json, status, starts_at, ends_at, timeout_at, generator_url, receive_count,"
                                + " first_received_at, last_received_at) values (?, ?, ?, ?, ?, ?, 'FIRING', ?, ?, ?, ?, 1, ?, ?)")
                .params(
                        w.fingerprint(),
                        w.fingerprint(),
                        w.integrationId(),
                        w.dedupKey(),
                        json.writeValueAsString(w.labels()),
                        json.writeValueAsString(w.annotations()),
                        Timestamps.utc(w.startsAt() == null ? now : w.startsAt()),
                        Timestamps.utc(w.endsAt()),
                        Timestamps.utc(w.timeoutAt()),
                        url(w.generatorUrl()),
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new AlertWritten(
                AlertWritten.Outcome.NEW,
                new Alert(
                        id,
                        w.fingerprint(),
                        w.integrationId(),
                        w.dedupKey(),
                        w.labels(),
                        w.annotations(),
                        AlertStatus.FIRING,
                        w.startsAt() == null ? now : w.startsAt(),
                        w.endsAt(),
                        w.generatorUrl(),
                        1,
                        now,
                        now));
    }

    private AlertWritten refresh(Alert a, AlertWrite w, Instant now) {
        jdbc.sql("update alerts set receive_count = receive_count + 1, last_received_at = ?, labels_json = ?,"
                        + " annotations_json = ?, ends_at = ?, timeout_at = ?, generator_url = ? where id = ?")
                .params(
                        Timestamps.utc(now),
                        json.writeValueAsString(w.labels()),
                        json.writeValueAsString(w.annotations()),
                        Timestamps.utc(w.endsAt()),
                        Timestamps.utc(w.timeoutAt()),
                        url(w.generatorUrl()),
                        a.id())
                .update();
        return new AlertWritten(
                AlertWritten.Outcome.REFRESHED,
                new Alert(
                        a.id(),
                        a.fingerprint(),
                        a.integrationId(),
                        a.dedupKey(),
                        w.labels(),
                        w.annotations(),
                        AlertStatus.FIRING,
                        a.startsAt(),
                        w.endsAt(),
                        w.generatorUrl(),
                        a.receiveCount() + 1,
                        a.firstReceivedAt(),
                        now));
    }

    private AlertWritten resolve(Alert a, AlertWrite w, Instant now) {
        Instant endsAt = w.endsAt() == null ? now : w.endsAt();
        jdbc.sql("update alerts set status = 'RESOLVED', firing_fingerprint = null, receive_count = receive_count + 1,"
                        + " last_received_at = ?, ends_at = ?, resolved_at = ? where id = ?")
                .params(Timestamps.utc(now), Timestamps.utc(endsAt), Timestamps.utc(now), a.id())
                .update();
        return new AlertWritten(
                AlertWritten.Outcome.RESOLVED,
                new Alert(
                        a.id(),
                        a.fingerprint(),
                        a.integrationId(),
                        a.dedupKey(),
                        a.labels(),
                        a.annotations(),
                        AlertStatus.RESOLVED,
                        a.startsAt(),
                        endsAt,
                        a.generatorUrl(),
                        a.receiveCount() + 1,
                        a.firstReceivedAt(),
                        now));
    }

    private AlertWritten acknowledge(Alert a, Instant now) {
        int changed = jdbc.sql("update alerts set acknowledged_at = ?, receive_count = receive_count + 1,"
                        + " last_received_at = ? where id = ? and acknowledged_at is null")
                .params(Timestamps.utc(now), Timestamps.utc(now), a.id())
                .update();
        return changed == 0
                ? new AlertWritten(AlertWritten.Outcome.UNCHANGED, null)
                : new AlertWritten(AlertWritten.Outcome.ACKNOWLEDGED, a);
    }

    /** Senders' URLs are informational; cut rather than refuse what does not fit the column. */
    private static String url(String url) {
        return url == null || url.length() <= 2000 ? url : url.substring(0, 2000);
    }
}
