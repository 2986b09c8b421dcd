package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One transaction's refreshes of firing alerts whose row is known without reading it (from this
 * node's cache) or read in bulk beforehand. Each alert's refreshes in the batch become one UPDATE,
 * and all of them go to the database as JDBC batches. The UPDATE of the receipts matches only a row
 * still as known (still firing, same receive count); the positions of any other are handed back for
 * the read path. Labels, annotations and URL are rewritten only when their hash changed: most
 * refreshes repeat them.
 */
final class KnownRefreshes {
    private static final String TIMING = "update alert_receipts set receive_count = ?, last_received_at = ?,"
            + " ends_at = ?, timeout_at = ? where alert_id = ? and firing = true and receive_count = ?";
    private static final String CONTENT =
            "update alerts set labels_json = ?, annotations_json = ?, generator_url = ? where id = ?";

    /** One alert's refreshes in this batch, in order. */
    private static final class Run {
        final KnownAlert before;
        /** Set when the stored content is not known (the row was read without it): always rewrite. */
        final boolean rewrite;

        KnownAlert after;
        AlertWrite last;
        final List<Integer> positions = new ArrayList<>(1);

        Run(KnownAlert before, boolean rewrite) {
            this.before = before;
            this.rewrite = rewrite;
            this.after = before;
        }
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();

    /**
     * Plans refresh {@code w} at {@code position} of an alert known from an earlier refresh in this
     * batch, else from {@code cached} (this node's cache), else from {@code read} (its row as read in
     * this transaction, without content); returns the refreshed alert, or null when it is unknown.
     */
    Alert take(int position, AlertWrite w, long contentHash, Instant now, KnownAlert cached, KnownAlert read) {
        Run run = runs.get(w.fingerprint());
        if (run == null) {
            if (cached == null && read == null) {
                return null;
            }
            run = cached != null ? new Run(cached, false) : new Run(read, true);
            runs.put(w.fingerprint(), run);
        }
        run.after = run.after.refreshed(contentHash);
        run.last = w;
        run.positions.add(position);
        return run.after.alert(w, now);
    }

    /** How many refreshes were planned. */
    int size() {
        int size = 0;
        for (Run run : runs.values()) {
            size += run.positions.size();
        }
        return size;
    }

    /** Writes the planned refreshes; returns the positions whose row was not as known. */
    List<Integer> write(JdbcTemplate jdbc, JsonMapper json, Instant now) {
        List<Run> all = new ArrayList<>(runs.values());
        // Rows locked in id order: two nodes' batches over the same alerts then cannot deadlock.
        all.sort(Comparator.comparingLong(run -> run.before.id()));
        int[] counts = timing(jdbc, all, now);
        List<Integer> stale = new ArrayList<>();
        List<Run> changed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Run run = all.get(i);
            if (counts[i] != 1) {
                stale.addAll(run.positions);
            } else if (run.rewrite || run.after.contentHash() != run.before.contentHash()) {
                changed.add(run);
            }
        }
        content(jdbc, json, changed);
        return stale;
    }

    private static int[] timing(JdbcTemplate jdbc, List<Run> runs, Instant now) {
        if (runs.isEmpty()) {
            return new int[0];
        }
        OffsetDateTime at = Timestamps.utc(now);
        return jdbc.batchUpdate(TIMING, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Run run = runs.get(i);
                ps.setInt(1, run.after.receiveCount());
                ps.setObject(2, at);
                time(ps, 3, run.last.endsAt());
                time(ps, 4, run.last.timeoutAt());
                ps.setLong(5, run.before.id());
                ps.setInt(6, run.before.receiveCount());
            }

            @Override
            public int getBatchSize() {
                return runs.size();
            }
        });
    }

    private static void content(JdbcTemplate jdbc, JsonMapper json, List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(CONTENT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                AlertWrite w = runs.get(i).last;
                ps.setString(1, json.writeValueAsString(w.labels()));
                ps.setString(2, json.writeValueAsString(w.annotations()));
                ps.setString(3, AlertStore.url(w.generatorUrl()));
                ps.setLong(4, runs.get(i).before.id());
            }

            @Override
            public int getBatchSize() {
                return runs.size();
            }
        });
    }

    static void time(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, Timestamps.utc(instant));
        }
    }
}
