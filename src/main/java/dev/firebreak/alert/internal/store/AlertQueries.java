package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertFilter;
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
    /** Text and label filters run in memory over at most this many newest rows. */
    private static final int SCAN = 10_000;

    /** An alert's row and its receipts row (V7__alert_receipts.sql); no column name is in both. */
    static final String FROM = " from alerts join alert_receipts on alert_receipts.alert_id = alerts.id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Alert> list(AlertFilter filter) {
        StringBuilder sql = new StringBuilder("select *" + FROM + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.since() != null) {
            sql.append(" and last_received_at >= ?");
            params.add(Timestamps.utc(filter.since()));
        }
        boolean inMemory = !filter.matchers().isEmpty()
                || (filter.text() != null && !filter.text().isBlank());
        // Newest alert first: an order the indexes give without sorting, and one no refresh changes.
        // A search over every status scans the firing alerts first, so one that has fired for long
        // (an old id) is never beyond the end of the scan, however long the history.
        boolean firingFirst = inMemory && filter.status() == null;
        sql.append(
                        firingFirst
                                ? " order by case when status = 'FIRING' then 0 else 1 end, id desc"
                                : " order by id desc")
                .append(" fetch first ")
                .append(inMemory ? SCAN : filter.effectiveLimit())
                .append(" rows only");
        // The stream holds its JDBC connection until closed: outside a transaction an unclosed
        // stream leaked one pooled connection per call (every dashboard view) until the pool ran dry.
        try (Stream<Alert> rows = jdbc.sql(sql.toString()).params(params).query(this::alert).stream()) {
            return rows.filter(filter::matches).limit(filter.effectiveLimit()).toList();
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
