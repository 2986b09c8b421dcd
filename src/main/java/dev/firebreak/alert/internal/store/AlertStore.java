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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes to the alerts table, inside the writer's (or the sweeper's) transaction. */
@Repository
public class AlertStore {
    /** Fingerprints per lookup query: far below every driver's limit on parameters. */
    private static final int READ_CHUNK = 500;

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
     * Applies a transaction's writes, with the same results as applying them one by one in order,
     * but in few statements. Firing alerts this node does not know are read in one query. Then
     * refreshes go in one batch of conditional UPDATEs and new alerts in one batch of INSERTs. The
     * rest, and refreshes whose row was not as known, take the read path one by one in their order.
     * An alert's writes stay in order: once one of them takes the read path, its later ones do too.
     */
    public List<AlertWritten> applyAll(List<AlertWrite> writes, Instant now) {
        long[] contentHashes = new long[writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            contentHashes[i] = Fingerprints.content(w.labels(), w.annotations(), w.generatorUrl());
        }
        Map<String, KnownAlert> read = readFiring(unknownFired(writes));
        AlertWritten[] results = new AlertWritten[writes.size()];
        KnownRefreshes refreshes = new KnownRefreshes();
        List<Integer> inserts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> readPath = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            String fingerprint = w.fingerprint();
            boolean first = seen.add(fingerprint);
            if (w.action() == AlertWrite.Action.FIRE && !readPath.contains(fingerprint)) {
                Alert refreshed =
                        refreshes.take(i, w, contentHashes[i], now, known.get(fingerprint), read.get(fingerprint));
                if (refreshed != null) {
                    results[i] = new AlertWritten(AlertWritten.Outcome.REFRESHED, refreshed);
                    continue;
                }
                if (first) {
                    inserts.add(i); // the read found no firing row
                }
            }
            readPath.add(fingerprint);
        }
        for (int stale : refreshes.write(batches, json, now)) {
            results[stale] = null;
        }
        countRefreshes(writes, results, refreshes);
        List<Alert> inserted = insertAll(inserts.stream().map(writes::get).toList(), now);
        for (int k = 0; k < inserts.size(); k++) {
            results[inserts.get(k)] = new AlertWritten(AlertWritten.Outcome.NEW, inserted.get(k));
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

    private void countRefreshes(List<AlertWrite> writes, AlertWritten[] results, KnownRefreshes refreshes) {
        for (int i = 0; i < writes.size(); i++) {
            if (results[i] != null) {
                (refreshes.fromCache(writes.get(i).fingerprint()) ? knownRefreshes : readRefreshes).increment();
            }
        }
    }

    /** Fingerprints whose first write in the batch fires an alert this node does not know. */
    private Set<String> unknownFired(List<AlertWrite> writes) {
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (AlertWrite w : writes) {
            if (seen.add(w.fingerprint())
                    && w.action() == AlertWrite.Action.FIRE
                    && known.get(w.fingerprint()) == null) {
                unknown.add(w.fingerprint());
            }
        }
        return unknown;
    }

    /** The firing rows of these fingerprints, without their content (a refresh replaces it). */
    private Map<String, KnownAlert> readFiring(Set<String> fingerprints) {
        Map<String, KnownAlert> firing = new HashMap<>();
        List<String> all = List.copyOf(fingerprints);
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            jdbc.sql("select " + AlertQueries.LIGHT + " from alerts where firing_fingerprint in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(chunk)
                    .query(queries::light)
                    .list()
                    .forEach(alert -> firing.put(alert.fingerprint(), KnownAlert.of(alert, 0)));
        }
        return firing;
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
        return new AlertWritten(
                AlertWritten.Outcome.NEW, insertAll(List.of(w), now).get(0));
    }

    private static final String INSERT = "insert into alerts (fingerprint, firing_fingerprint, integration_id,"
            + " dedup_key, labels_json, annotations_json, status, starts_at, ends_at, timeout_at, generator_url,"
            + " receive_count, first_received_at, last_received_at)"
            + " values (?, ?, ?, ?, ?, ?, 'FIRING', ?, ?, ?, ?, 1, ?, ?)";

    /** Inserts new firing alerts as one JDBC batch; returns them with their ids, in order. */
    private List<Alert> insertAll(List<AlertWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return List.of();
        }
        long[] ids = batches.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"})) {
                for (AlertWrite w : writes) {
                    int p = 1;
                    ps.setString(p++, w.fingerprint());
                    ps.setString(p++, w.fingerprint());
                    ps.setLong(p++, w.integrationId());
                    ps.setString(p++, w.dedupKey());
                    ps.setString(p++, json.writeValueAsString(w.labels()));
                    ps.setString(p++, json.writeValueAsString(w.annotations()));
                    ps.setObject(p++, Timestamps.utc(w.startsAt() == null ? now : w.startsAt()));
                    KnownRefreshes.time(ps, p++, w.endsAt());
                    KnownRefreshes.time(ps, p++, w.timeoutAt());
                    ps.setString(p++, url(w.generatorUrl()));
                    ps.setObject(p++, Timestamps.utc(now));
                    ps.setObject(p, Timestamps.utc(now));
                    ps.addBatch();
                }
                ps.executeBatch();
                long[] keys = new long[writes.size()];
                try (ResultSet generated = ps.getGeneratedKeys()) {
                    for (int i = 0; i < keys.length; i++) {
                        if (!generated.next()) {
                            throw new IllegalStateException("the database returned fewer ids than alerts inserted");
                        }
                        keys[i] = generated.getLong(1);
                    }
                }
                return keys;
            }
        });
        List<Alert> inserted = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            inserted.add(new Alert(
                    ids[i],
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
        return inserted;
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
