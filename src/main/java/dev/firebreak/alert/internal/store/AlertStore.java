package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.platform.storage.AfterCommit;
import dev.firebreak.platform.storage.LruMap;
import dev.firebreak.platform.storage.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes to the alerts table, inside the writer's (or the sweeper's) transaction. */
@Repository
public class AlertStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final AlertQueries queries;
    /** Firing alerts this node wrote, by fingerprint; only a hint, see {@link KnownRefreshes}. */
    private final LruMap<String, KnownAlert> known;

    private final Counter knownRefreshes;
    private final Counter readRefreshes;

    AlertStore(
            JdbcClient jdbc,
            JdbcTemplate batches,
            JsonMapper json,
            AlertQueries queries,
            AlertProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.queries = queries;
        this.known = new LruMap<>(properties.knownAlerts());
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.knownRefreshes = refreshes(registry, "known");
        this.readRefreshes = refreshes(registry, "read");
    }

    private static Counter refreshes(MeterRegistry registry, String path) {
        return Counter.builder("firebreak.alerts.refreshes")
                .description("refreshes of firing alerts, written from what this node knew or after reading the row")
                .tag("path", path)
                .register(registry);
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

    /**
     * Applies a transaction's writes, with the same results as applying them one by one in order.
     * Refreshes of alerts this node knows are written first, in one batch and without reads; the
     * rest, and any refresh whose row was not as known, take the read path in their order. Every
     * alert's writes stay in order: once one of them takes the read path, its later ones do too.
     */
    public List<AlertWritten> applyAll(List<AlertWrite> writes, Instant now) {
        AlertWritten[] results = new AlertWritten[writes.size()];
        long[] contentHashes = new long[writes.size()];
        KnownRefreshes refreshes = new KnownRefreshes();
        Set<String> readPath = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            if (w.action() == AlertWrite.Action.FIRE) {
                contentHashes[i] = Fingerprints.content(w.labels(), w.annotations(), w.generatorUrl());
                if (!readPath.contains(w.fingerprint())) {
                    Alert refreshed = refreshes.take(i, w, contentHashes[i], now, known::get);
                    if (refreshed != null) {
                        results[i] = new AlertWritten(AlertWritten.Outcome.REFRESHED, refreshed);
                        continue;
                    }
                }
            }
            readPath.add(w.fingerprint());
        }
        List<Integer> stale = refreshes.write(batches, json, now);
        knownRefreshes.increment(refreshes.size() - stale.size());
        for (int position : stale) {
            results[position] = null;
        }
        for (int i = 0; i < writes.size(); i++) {
            if (results[i] == null) {
                results[i] = apply(writes.get(i), now);
                if (results[i].outcome() == AlertWritten.Outcome.REFRESHED) {
                    readRefreshes.increment();
                }
            }
        }
        List<AlertWritten> written = Arrays.asList(results);
        AfterCommit.run(() -> remember(writes, written, contentHashes));
        return written;
    }

    /** After commit: what this transaction left firing is known; anything else is forgotten. */
    private void remember(List<AlertWrite> writes, List<AlertWritten> written, long[] contentHashes) {
        for (int i = 0; i < writes.size(); i++) {
            AlertWritten result = written.get(i);
            switch (result.outcome()) {
                case NEW, REFRESHED ->
                    known.put(writes.get(i).fingerprint(), KnownAlert.of(result.alert(), contentHashes[i]));
                default -> known.remove(writes.get(i).fingerprint());
            }
        }
    }

    /** Applies one reported alert, reading its firing row first; must run in a transaction. */
    AlertWritten apply(AlertWrite write, Instant now) {
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
    static String url(String url) {
        return url == null || url.length() <= 2000 ? url : url.substring(0, 2000);
    }
}
