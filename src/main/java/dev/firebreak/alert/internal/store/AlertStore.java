package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.platform.storage.AfterCommit;
import dev.firebreak.platform.storage.LruMap;
import dev.firebreak.platform.storage.SqlLists;
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

/**
 * Writes to the alerts and alert_receipts tables, inside the writer's (or the sweeper's)
 * transaction. A transaction locks an alert's receipts row before its alerts row, so two nodes
 * writing the same alert wait for each other instead of deadlocking.
 */
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
        return jdbc.sql("select id" + AlertQueries.FROM + " where status = 'FIRING' and timeout_at <= ?"
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
        int changed = jdbc.sql("update alert_receipts set firing = false, ends_at = coalesce(ends_at, timeout_at)"
                        + " where alert_id = ? and firing = true and timeout_at <= ?")
                .params(id, Timestamps.utc(now))
                .update();
        if (changed == 1) {
            jdbc.sql("update alerts set status = 'RESOLVED', firing_fingerprint = null, resolved_at = ? where id = ?")
                    .params(Timestamps.utc(now), id)
                    .update();
        }
        return changed == 0
                ? new AlertWritten(AlertWritten.Outcome.UNCHANGED, null)
                : new AlertWritten(
                        AlertWritten.Outcome.RESOLVED, queries.find(id).orElseThrow());
    }

    /**
     * Applies a transaction's writes, with the same results as applying them one by one in order,
     * but in few statements. Only an alert's leading fires in the batch (those before any other
     * write of it) take the fast rounds; everything else, and what those rounds could not settle,
     * takes the read path one by one in order afterwards, so each alert's writes stay in order.
     */
    public List<AlertWritten> applyAll(List<AlertWrite> writes, Instant now) {
        long[] contentHashes = new long[writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            contentHashes[i] = Fingerprints.content(w.labels(), w.annotations(), w.generatorUrl());
        }
        boolean[] leading = leadingFires(writes);
        AlertWritten[] results = new AlertWritten[writes.size()];
        refreshKnown(writes, leading, contentHashes, results, now);
        refreshOrInsertRead(writes, leading, contentHashes, results, now);
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

    /** Fires that come before any other kind of write to the same alert in the batch. */
    private static boolean[] leadingFires(List<AlertWrite> writes) {
        boolean[] leading = new boolean[writes.size()];
        Set<String> blocked = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            leading[i] = w.action() == AlertWrite.Action.FIRE && !blocked.contains(w.fingerprint());
            if (!leading[i]) {
                blocked.add(w.fingerprint());
            }
        }
        return leading;
    }

    /** Round one: refreshes of alerts this node knows, written without a read. */
    private void refreshKnown(
            List<AlertWrite> writes, boolean[] leading, long[] contentHashes, AlertWritten[] results, Instant now) {
        KnownRefreshes refreshes = new KnownRefreshes();
        for (int i = 0; i < writes.size(); i++) {
            if (leading[i]) {
                AlertWrite w = writes.get(i);
                Alert refreshed = refreshes.take(i, w, contentHashes[i], now, known.get(w.fingerprint()), null);
                if (refreshed != null) {
                    results[i] = new AlertWritten(AlertWritten.Outcome.REFRESHED, refreshed);
                }
            }
        }
        List<Integer> stale = refreshes.write(batches, json, now);
        stale.forEach(position -> results[position] = null);
        knownRefreshes.increment(refreshes.size() - stale.size());
    }

    /**
     * Round two: the other leading fires (alerts this node did not know, or knew wrong) read with
     * one query; what fires is refreshed like a known alert, the rest inserted as one batch.
     */
    private void refreshOrInsertRead(
            List<AlertWrite> writes, boolean[] leading, long[] contentHashes, AlertWritten[] results, Instant now) {
        Set<String> unsettled = new LinkedHashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            if (leading[i] && results[i] == null) {
                unsettled.add(writes.get(i).fingerprint());
            }
        }
        Map<String, KnownAlert> firing = readFiring(unsettled);
        KnownRefreshes refreshes = new KnownRefreshes();
        List<Integer> inserts = new ArrayList<>();
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            AlertWrite w = writes.get(i);
            if (!leading[i] || results[i] != null || inserted.contains(w.fingerprint())) {
                continue; // a new alert's later fires take the read path, after its insert
            }
            Alert refreshed = refreshes.take(i, w, contentHashes[i], now, null, firing.get(w.fingerprint()));
            if (refreshed != null) {
                results[i] = new AlertWritten(AlertWritten.Outcome.REFRESHED, refreshed);
            } else {
                inserts.add(i);
                inserted.add(w.fingerprint());
            }
        }
        List<Integer> stale = refreshes.write(batches, json, now);
        stale.forEach(position -> results[position] = null);
        readRefreshes.increment(refreshes.size() - stale.size());
        List<Alert> created = insertAll(inserts.stream().map(writes::get).toList(), now);
        for (int k = 0; k < inserts.size(); k++) {
            results[inserts.get(k)] = new AlertWritten(AlertWritten.Outcome.NEW, created.get(k));
        }
    }

    /** The firing rows of these fingerprints, without their content (a refresh replaces it). */
    private Map<String, KnownAlert> readFiring(Set<String> fingerprints) {
        Map<String, KnownAlert> firing = new HashMap<>();
        for (List<String> chunk : SqlLists.chunks(List.copyOf(fingerprints))) {
            jdbc.sql("select " + AlertQueries.LIGHT + AlertQueries.FROM + " where firing_fingerprint in ("
                            + SqlLists.placeholders(chunk.size()) + ")")
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
        Optional<Alert> firing = jdbc.sql("select " + (fire ? AlertQueries.LIGHT : "*") + AlertQueries.FROM
                        + " where firing_fingerprint = ?")
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
            + " dedup_key, labels_json, annotations_json, status, starts_at, generator_url, first_received_at)"
            + " values (?, ?, ?, ?, ?, ?, 'FIRING', ?, ?, ?)";
    private static final String INSERT_RECEIPTS = "insert into alert_receipts (alert_id, firing, receive_count,"
            + " last_received_at, ends_at, timeout_at) values (?, true, 1, ?, ?, ?)";

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
                    ps.setString(p++, url(w.generatorUrl()));
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
                try (PreparedStatement receipts = con.prepareStatement(INSERT_RECEIPTS)) {
                    for (int i = 0; i < keys.length; i++) {
                        AlertWrite w = writes.get(i);
                        receipts.setLong(1, keys[i]);
                        receipts.setObject(2, Timestamps.utc(now));
                        KnownRefreshes.time(receipts, 3, w.endsAt());
                        KnownRefreshes.time(receipts, 4, w.timeoutAt());
                        receipts.addBatch();
                    }
                    receipts.executeBatch();
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
        jdbc.sql("update alert_receipts set receive_count = receive_count + 1, last_received_at = ?, ends_at = ?,"
                        + " timeout_at = ? where alert_id = ?")
                .params(Timestamps.utc(now), Timestamps.utc(w.endsAt()), Timestamps.utc(w.timeoutAt()), a.id())
                .update();
        jdbc.sql("update alerts set labels_json = ?, annotations_json = ?, generator_url = ? where id = ?")
                .params(
                        json.writeValueAsString(w.labels()),
                        json.writeValueAsString(w.annotations()),
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
        jdbc.sql("update alert_receipts set firing = false, receive_count = receive_count + 1, last_received_at = ?,"
                        + " ends_at = ? where alert_id = ?")
                .params(Timestamps.utc(now), Timestamps.utc(endsAt), a.id())
                .update();
        jdbc.sql("update alerts set status = 'RESOLVED', firing_fingerprint = null, resolved_at = ? where id = ?")
                .params(Timestamps.utc(now), a.id())
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
        jdbc.sql("select receive_count from alert_receipts where alert_id = ? for update")
                .param(a.id())
                .query(Integer.class)
                .single(); // the receipts row first, as every write of a firing alert locks them
        int changed = jdbc.sql("update alerts set acknowledged_at = ? where id = ? and acknowledged_at is null")
                .params(Timestamps.utc(now), a.id())
                .update();
        if (changed == 1) {
            jdbc.sql("update alert_receipts set receive_count = receive_count + 1, last_received_at = ?"
                            + " where alert_id = ?")
                    .params(Timestamps.utc(now), a.id())
                    .update();
        }
        return changed == 0
                ? new AlertWritten(AlertWritten.Outcome.UNCHANGED, null)
                : new AlertWritten(AlertWritten.Outcome.ACKNOWLEDGED, a);
    }

    /** Senders' URLs are informational; cut rather than refuse what does not fit the column. */
    static String url(String url) {
        return url == null || url.length() <= 2000 ? url : url.substring(0, 2000);
    }
}
