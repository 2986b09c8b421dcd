package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.HeartbeatState;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The heartbeats table. State changes are conditional updates on the state they start from, so of
 * two nodes (or a ping racing the check) exactly one makes each transition.
 */
@Repository
public class HeartbeatStore {
    private static final String COLUMNS = "id, name, description, interval_seconds, grace_seconds, labels_json,"
            + " matchers_json, integration_id, state, last_ping_at, due_at, down_since, alert_fingerprint,"
            + " secret_prefix, created_at, updated_at";
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};
    private static final TypeReference<List<String>> MATCHERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HeartbeatStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A monitor and the fingerprint of the alert it raised while DOWN (null otherwise). */
    public record Row(Heartbeat heartbeat, String alertFingerprint) {}

    public long insert(Heartbeat.Spec spec, Map<String, String> labels, String secretHash, String prefix, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into heartbeats (name, description, interval_seconds, grace_seconds, labels_json,"
                        + " matchers_json, integration_id, secret_hash, secret_prefix, state, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?)")
                .params(
                        spec.name(),
                        spec.description() == null ? "" : spec.description(),
                        spec.interval().toSeconds(),
                        spec.grace().toSeconds(),
                        json.writeValueAsString(labels),
                        json.writeValueAsString(spec.matchers()),
                        spec.integrationId(),
                        secretHash,
                        prefix,
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Rewrites the settings; an UP monitor's due time follows its new interval and grace. */
    public void update(long id, Heartbeat changed, Instant now) {
        jdbc.sql("update heartbeats set description = ?, interval_seconds = ?, grace_seconds = ?, labels_json = ?,"
                        + " matchers_json = ?, integration_id = ?, updated_at = ?,"
                        + " due_at = case when state = 'UP' then ? else due_at end where id = ?")
                .params(
                        changed.description(),
                        changed.interval().toSeconds(),
                        changed.grace().toSeconds(),
                        json.writeValueAsString(changed.labels()),
                        json.writeValueAsString(changed.matchers()),
                        changed.integrationId(),
                        Timestamps.utc(now),
                        Timestamps.utc(changed.lastPingAt() == null ? null : due(changed.lastPingAt(), changed)),
                        id)
                .update();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from heartbeats where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from heartbeats where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    public Optional<Row> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from heartbeats where name = ?")
                .param(name)
                .query(this::row)
                .optional();
    }

    public Optional<Row> findBySecretHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from heartbeats where secret_hash = ?")
                .param(hash)
                .query(this::row)
                .optional();
    }

    public List<Heartbeat> list() {
        return jdbc.sql("select " + COLUMNS + " from heartbeats order by name").query(this::row).list().stream()
                .map(Row::heartbeat)
                .toList();
    }

    /** Monitors with alert matchers, for the in-memory Watchdog match. */
    public List<Heartbeat> withMatchers() {
        return jdbc
                .sql("select " + COLUMNS + " from heartbeats where matchers_json <> '[]'")
                .query(this::row)
                .list()
                .stream()
                .map(Row::heartbeat)
                .toList();
    }

    /** UP monitors whose due time passed. */
    public List<Long> overdue(Instant now, int limit) {
        return jdbc.sql("select id from heartbeats where state = 'UP' and due_at <= ? order by due_at" + " fetch first "
                        + limit + " rows only")
                .param(Timestamps.utc(now))
                .query(Long.class)
                .list();
    }

    public long countDown() {
        return jdbc.sql("select count(*) from heartbeats where state = 'DOWN'")
                .query(Long.class)
                .single();
    }

    /** UP and overdue to DOWN, recording the alert it raises; false if a ping or another node won. */
    public boolean markDown(long id, Instant now, String alertFingerprint) {
        return jdbc.sql(
                                "update heartbeats set state = 'DOWN', down_since = due_at, due_at = null,"
                                        + " alert_fingerprint = ?, updated_at = ? where id = ? and state = 'UP' and due_at <= ?")
                        .params(alertFingerprint, Timestamps.utc(now), id, Timestamps.utc(now))
                        .update()
                == 1;
    }

    /**
     * Records a ping at {@code at} if the monitor is still in {@code from}: NEW, UP and DOWN become
     * UP, PAUSED stays PAUSED. A ping older than the last one changes nothing but counts as done.
     */
    public boolean ping(Heartbeat heartbeat, HeartbeatState from, Instant at, Instant now) {
        boolean paused = from == HeartbeatState.PAUSED;
        Instant last =
                heartbeat.lastPingAt() != null && heartbeat.lastPingAt().isAfter(at) ? heartbeat.lastPingAt() : at;
        return jdbc.sql("update heartbeats set last_ping_at = ?, state = ?, due_at = ?, down_since = null,"
                                + " alert_fingerprint = null, updated_at = ? where id = ? and state = ?")
                        .params(
                                Timestamps.utc(last),
                                paused ? HeartbeatState.PAUSED.name() : HeartbeatState.UP.name(),
                                paused ? null : Timestamps.utc(due(last, heartbeat)),
                                Timestamps.utc(now),
                                heartbeat.id(),
                                from.name())
                        .update()
                == 1;
    }

    /** Any state but PAUSED to PAUSED, if still in {@code from}. */
    public boolean pause(long id, HeartbeatState from, Instant now) {
        return jdbc.sql("update heartbeats set state = 'PAUSED', due_at = null, down_since = null,"
                                + " alert_fingerprint = null, updated_at = ? where id = ? and state = ?")
                        .params(Timestamps.utc(now), id, from.name())
                        .update()
                == 1;
    }

    /** PAUSED to UP, due a full interval + grace from now; NEW if it was never pinged. */
    public boolean resume(Heartbeat heartbeat, Instant now) {
        boolean pinged = heartbeat.lastPingAt() != null;
        return jdbc.sql("update heartbeats set state = ?, due_at = ?, updated_at = ? where id = ? and state = 'PAUSED'")
                        .params(
                                pinged ? "UP" : "NEW",
                                pinged ? Timestamps.utc(due(now, heartbeat)) : null,
                                Timestamps.utc(now),
                                heartbeat.id())
                        .update()
                == 1;
    }

    public void rotateSecret(long id, String secretHash, String prefix, Instant now) {
        jdbc.sql("update heartbeats set secret_hash = ?, secret_prefix = ?, updated_at = ? where id = ?")
                .params(secretHash, prefix, Timestamps.utc(now), id)
                .update();
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from heartbeats where id = ?").param(id).update() == 1;
    }

    public boolean integrationExists(long id) {
        return jdbc.sql("select count(*) from integrations where id = ? and type <> 'HEARTBEAT'")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The built-in integration heartbeat alerts come from; made on first use, never takes requests. */
    public long heartbeatIntegration(Instant now) {
        Optional<Long> existing = jdbc
                .sql("select id from integrations where type = 'HEARTBEAT' order by id fetch first 1 rows only")
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = "heartbeats";
        if (jdbc.sql("select count(*) from integrations where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0) {
            name = "firebreak-heartbeats-" + UUID.randomUUID().toString().substring(0, 8);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        // No key hashes to this value (not hex), and no endpoint takes a heartbeat integration's key.
        jdbc.sql("insert into integrations (name, type, key_hash, key_prefix, enabled, rate_per_second, rate_burst,"
                        + " created_at) values (?, 'HEARTBEAT', ?, '-', true, 1, 1, ?)")
                .params(name, "no-key-" + UUID.randomUUID(), Timestamps.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    static Instant due(Instant from, Heartbeat heartbeat) {
        return from.plus(heartbeat.interval()).plus(heartbeat.grace());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        long integration = rs.getLong("integration_id");
        Long integrationId = rs.wasNull() ? null : integration;
        return new Row(
                new Heartbeat(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        Duration.ofSeconds(rs.getLong("interval_seconds")),
                        Duration.ofSeconds(rs.getLong("grace_seconds")),
                        json.readValue(rs.getString("labels_json"), LABELS),
                        json.readValue(rs.getString("matchers_json"), MATCHERS),
                        integrationId,
                        HeartbeatState.valueOf(rs.getString("state")),
                        Timestamps.instant(rs, "last_ping_at"),
                        Timestamps.instant(rs, "due_at"),
                        Timestamps.instant(rs, "down_since"),
                        rs.getString("secret_prefix"),
                        Timestamps.instant(rs, "created_at"),
                        Timestamps.instant(rs, "updated_at")),
                rs.getString("alert_fingerprint"));
    }
}
