package dev.firebreak.alert.internal.changes;

import dev.firebreak.alert.ChangeEvent;
import dev.firebreak.platform.storage.SqlLists;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The change_events table (V9__change_events.sql). */
@Repository
public class ChangeEventStore {
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};
    private static final TypeReference<List<ChangeEvent.Link>> LINKS = new TypeReference<>() {};
    /** Most services and sources one query matches: an incident's alerts could name thousands. */
    private static final int MAX_KEYS = 100;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeEventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the event (committed on return: no transaction spans it) and returns its id. */
    public long insert(ChangeWrite change) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into change_events (integration_id, summary, source, service, occurred_at, received_at,"
                        + " custom_details_json, links_json) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        change.integrationId(),
                        change.summary(),
                        change.source(),
                        change.service(),
                        Timestamps.utc(change.timestamp()),
                        Timestamps.utc(change.receivedAt()),
                        change.customDetailsJson(),
                        change.linksJson())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<ChangeEvent> recent(Collection<String> services, Collection<String> sources, Instant since, int limit) {
        List<String> byService = keys(services);
        List<String> bySource = keys(sources);
        if (byService.isEmpty() && bySource.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        if (!byService.isEmpty()) {
            matches.add("service in (" + SqlLists.placeholders(byService.size()) + ")");
            params.addAll(byService);
        }
        if (!bySource.isEmpty()) {
            matches.add("source in (" + SqlLists.placeholders(bySource.size()) + ")");
            params.addAll(bySource);
        }
        params.add(Timestamps.utc(since));
        return jdbc.sql("select * from change_events where (" + String.join(" or ", matches) + ")"
                        + " and occurred_at >= ? order by occurred_at desc, id desc fetch first " + limit
                        + " rows only")
                .params(params)
                .query(this::row)
                .list();
    }

    public List<ChangeEvent> list(String service, String source, Instant since, int limit) {
        return list(service, source, since, limit, null, null);
    }

    /** Newest first; {@code beforeAt}/{@code beforeId}, when given, continue after that row. */
    public List<ChangeEvent> list(
            String service, String source, Instant since, int limit, Instant beforeAt, Long beforeId) {
        StringBuilder sql = new StringBuilder("select * from change_events where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (service != null) {
            sql.append(" and service = ?");
            params.add(service);
        }
        if (source != null) {
            sql.append(" and source = ?");
            params.add(source);
        }
        if (since != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamps.utc(since));
        }
        if (beforeAt != null && beforeId != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.add(Timestamps.utc(beforeAt));
            params.add(Timestamps.utc(beforeAt));
            params.add(beforeId);
        }
        sql.append(" order by occurred_at desc, id desc fetch first ")
                .append(limit)
                .append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    public ChangeEvent find(long id) {
        return jdbc.sql("select * from change_events where id = ?")
                .param(id)
                .query(this::row)
                .single();
    }

    private static List<String> keys(Collection<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .filter(v -> !v.isBlank())
                        .distinct()
                        .limit(MAX_KEYS)
                        .toList();
    }

    private ChangeEvent row(ResultSet rs, int n) throws SQLException {
        return new ChangeEvent(
                rs.getLong("id"),
                rs.getLong("integration_id"),
                rs.getString("summary"),
                rs.getString("source"),
                rs.getString("service"),
                Timestamps.instant(rs, "occurred_at"),
                Timestamps.instant(rs, "received_at"),
                java.util.Collections.unmodifiableMap(json.readValue(rs.getString("custom_details_json"), DETAILS)),
                json.readValue(rs.getString("links_json"), LINKS));
    }
}
