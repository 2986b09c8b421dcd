package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertFilter;
import dev.firebreak.alert.AlertPage;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the alerts table (with each alert's receipts) and its row mapping. */
@Repository
public class AlertQueries {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    /** Text and label filters run over the rows, read this many at a time. */
    private static final int CHUNK = 5_000;
    /** At most this many rows are read for one page; a page cut short says where to go on. */
    private static final int BUDGET = 20_000;

    /** An alert's row and its receipts row (V7__alert_receipts.sql); no column name is in both. */
    static final String FROM = " from alerts join alert_receipts on alert_receipts.alert_id = alerts.id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Alert> list(AlertFilter filter) {
        return page(filter).items();
    }

    /**
     * A page newest first, by id (an order the index gives and no refresh changes). Text and label
     * filters read the rows in chunks over the whole table, up to the budget per page.
     */
    public AlertPage page(AlertFilter filter) {
        int limit = filter.effectiveLimit();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.since() != null) {
            where.append(" and last_received_at >= ?");
            params.add(Timestamps.utc(filter.since()));
        }
        Long total = filter.filtersRows()
                ? null
                : jdbc.sql("select count(*)" + FROM + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        List<Alert> found = new ArrayList<>();
        Long cursor = filter.before();
        long scanned = 0;
        int chunk = filter.filtersRows() ? CHUNK : limit + 1;
        while (true) {
            List<Object> chunkParams = new ArrayList<>(params);
            String range = "";
            if (cursor != null) {
                range = " and alerts.id < ?";
                chunkParams.add(cursor);
            }
            List<Alert> rows = rows(
                    "select *" + FROM + where + range + " order by alerts.id desc fetch first " + chunk + " rows only",
                    chunkParams);
            for (Alert alert : rows) {
                scanned++;
                if (filter.matches(alert)) {
                    if (found.size() == limit) {
                        // One more match exists: the page ends at the last one kept.
                        return new AlertPage(found, found.getLast().id(), total, scanned);
                    }
                    found.add(alert);
                }
                cursor = alert.id();
            }
            if (rows.size() < chunk) {
                return new AlertPage(found, null, total, scanned);
            }
            if (scanned >= BUDGET) {
                return new AlertPage(found, cursor, total, scanned);
            }
        }
    }

    private List<Alert> rows(String sql, List<Object> params) {
        // The stream holds its JDBC connection until closed: outside a transaction an unclosed
        // stream leaked one pooled connection per call (every dashboard view) until the pool ran dry.
        try (Stream<Alert> rows = jdbc.sql(sql).params(params).query(this::alert).stream()) {
            return rows.toList();
        }
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("select *" + FROM + " where id = ?")
                .param(id)
                .query(this::alert)
                .optional();
    }

    public Optional<Alert> findByFingerprint(String fingerprint) {
        return jdbc.sql("select *" + FROM + " where fingerprint = ?"
                        + " order by case when status = 'FIRING' then 0 else 1 end, id desc"
                        + " fetch first 1 rows only")
                .param(fingerprint)
                .query(this::alert)
                .optional();
    }

    /** Number of rows, for tests and the dashboard. */
    public long count(AlertStatus status) {
        return jdbc.sql("select count(*) from alerts where status = ?")
                .param(status.name())
                .query(Long.class)
                .single();
    }

    static final String LIGHT = "id, fingerprint, integration_id, dedup_key, status, starts_at, ends_at,"
            + " generator_url, receive_count, first_received_at, last_received_at";

    Alert light(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                rs.getString("fingerprint"),
                rs.getLong("integration_id"),
                rs.getString("dedup_key"),
                Map.of(),
                Map.of(),
                AlertStatus.valueOf(rs.getString("status")),
                Timestamps.instant(rs, "starts_at"),
                Timestamps.instant(rs, "ends_at"),
                rs.getString("generator_url"),
                rs.getInt("receive_count"),
                Timestamps.instant(rs, "first_received_at"),
                Timestamps.instant(rs, "last_received_at"));
    }

    Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                rs.getString("fingerprint"),
                rs.getLong("integration_id"),
                rs.getString("dedup_key"),
                map(rs.getString("labels_json")),
                map(rs.getString("annotations_json")),
                AlertStatus.valueOf(rs.getString("status")),
                Timestamps.instant(rs, "starts_at"),
                Timestamps.instant(rs, "ends_at"),
                rs.getString("generator_url"),
                rs.getInt("receive_count"),
                Timestamps.instant(rs, "first_received_at"),
                Timestamps.instant(rs, "last_received_at"));
    }

    private Map<String, String> map(String text) {
        return java.util.Collections.unmodifiableMap(json.readValue(text, MAP));
    }
}
