package dev.firebreak.alert.internal.routing;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.platform.storage.SqlLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Durable group state: alert_groups and their members, so a restart or another node carries on. */
@Repository
class GroupStore {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    GroupStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    record GroupRow(
            long id,
            String key,
            String route,
            Map<String, String> groupLabels,
            String service,
            String escalationPolicy,
            String severity,
            String runbook,
            Duration groupInterval,
            Duration repeatInterval,
            Instant nextFlushAt,
            Instant lastFiredAt,
            String firedHash) {}

    record Member(String fingerprint, boolean firing, Alert alert) {}

    /** Only the id: grouping needs nothing else of the row, so it skips parsing the rest. */
    Optional<Long> findId(String key) {
        return jdbc.sql("select id from alert_groups where group_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    void insert(String key, Route route, Map<String, String> groupLabels, Duration wait, Instant now) {
        jdbc.sql("insert into alert_groups (group_key, route, group_labels, service, escalation_policy, severity,"
                        + " runbook, group_interval_ms, repeat_interval_ms, created_at, next_flush_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key,
                        route.name(),
                        JSON.writeValueAsString(groupLabels),
                        route.service(),
                        route.escalationPolicy(),
                        route.severity(),
                        route.runbook(),
                        route.groupInterval().toMillis(),
                        route.repeatInterval().toMillis(),
                        utc(now),
                        utc(now.plus(wait)))
                .update();
    }

    /** A group's member row for an alert. */
    record MemberRow(long groupId, Alert alert) {}

    /** Rewrites existing member rows as one batch; returns each one's update count (0: missing). */
    int[] updateMembers(List<MemberRow> rows, Instant now) {
        return batch(
                "update alert_group_members set firing = ?, alert_json = ?, updated_at = ?"
                        + " where group_id = ? and fingerprint = ?",
                rows,
                row -> new Object[] {
                    row.alert().status() == AlertStatus.FIRING,
                    JSON.writeValueAsString(row.alert()),
                    utc(now),
                    row.groupId(),
                    row.alert().fingerprint()
                });
    }

    void insertMembers(List<MemberRow> rows, Instant now) {
        batch(
                "insert into alert_group_members (group_id, fingerprint, firing, alert_json, updated_at)"
                        + " values (?, ?, ?, ?, ?)",
                rows,
                row -> new Object[] {
                    row.groupId(),
                    row.alert().fingerprint(),
                    row.alert().status() == AlertStatus.FIRING,
                    JSON.writeValueAsString(row.alert()),
                    utc(now)
                });
    }

    /**
     * Marks the alerts resolved in every group that holds them, and makes a group that has notified
     * and now has no firing alert due at once, so its incident resolves within seconds rather than
     * at the next group_interval. Returns whether any group became due.
     */
    boolean resolve(List<Alert> alerts, Instant now) {
        List<Long> ids = new java.util.ArrayList<>();
        for (List<Alert> chunk : SqlLists.chunks(alerts)) {
            ids.addAll(jdbc.sql("select distinct group_id from alert_group_members where fingerprint in ("
                            + SqlLists.placeholders(chunk.size()) + ")")
                    .params(chunk.stream().map(Alert::fingerprint).toList())
                    .query(Long.class)
                    .list());
        }
        ids = ids.stream().distinct().sorted().toList();
        // Group rows before member rows, the flusher's order, so the two cannot deadlock.
        for (List<Long> chunk : SqlLists.chunks(ids)) {
            jdbc.sql("select id from alert_groups where id in (" + SqlLists.placeholders(chunk.size())
                            + ") order by id for update")
                    .params(chunk)
                    .query(Long.class)
                    .list();
        }
        batch(
                "update alert_group_members set firing = false, alert_json = ?, updated_at = ? where fingerprint = ?",
                alerts,
                alert -> new Object[] {JSON.writeValueAsString(alert), utc(now), alert.fingerprint()});
        int due = 0;
        for (List<Long> chunk : SqlLists.chunks(ids)) {
            List<Object> params = new java.util.ArrayList<>(List.of(utc(now), utc(now)));
            params.addAll(chunk);
            due += jdbc.sql("update alert_groups set next_flush_at = ? where next_flush_at > ? and fired_hash is not"
                            + " null and id in (" + SqlLists.placeholders(chunk.size())
                            + ") and not exists (select 1 from"
                            + " alert_group_members m where m.group_id = alert_groups.id and m.firing = true)")
                    .params(params)
                    .update();
        }
        return due > 0;
    }

    private <T> int[] batch(String sql, List<T> items, Function<T, Object[]> values) {
        if (items.isEmpty()) {
            return new int[0];
        }
        return batches.batchUpdate(sql, items.stream().map(values).toList());
    }

    List<Long> due(Instant now) {
        return jdbc.sql("select id from alert_groups where next_flush_at <= ? order by next_flush_at")
                .param(utc(now))
                .query(Long.class)
                .list();
    }

    /** Locks the group row for this flush; empty when it is gone or no longer due. */
    Optional<GroupRow> lockDue(long id, Instant now) {
        return jdbc.sql("select * from alert_groups where id = ? and next_flush_at <= ? for update")
                .params(id, utc(now))
                .query(this::row)
                .optional();
    }

    List<Member> members(long groupId) {
        return jdbc.sql("select fingerprint, firing, alert_json from alert_group_members where group_id = ?"
                        + " order by fingerprint")
                .param(groupId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getBoolean(2), alert(rs.getString(3))))
                .list();
    }

    /** Every firing alert of every group: the candidate sources of inhibition. */
    List<Alert> firing() {
        return jdbc.sql("select alert_json from alert_group_members where firing = true")
                .query((rs, n) -> alert(rs.getString(1)))
                .list();
    }

    void scheduled(long id, Instant next) {
        jdbc.sql("update alert_groups set next_flush_at = ? where id = ?")
                .params(utc(next), id)
                .update();
    }

    void fired(long id, String hash, Instant now, Instant next) {
        jdbc.sql("update alert_groups set fired_hash = ?, first_fired_at = coalesce(first_fired_at, ?),"
                        + " last_fired_at = ?, next_flush_at = ? where id = ?")
                .params(hash, utc(now), utc(now), utc(next), id)
                .update();
        // Resolved alerts were reported with this notification; the group forgets them.
        jdbc.sql("delete from alert_group_members where group_id = ? and firing = false")
                .param(id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from alert_groups where id = ?").param(id).update();
    }

    boolean takeLease(String owner, Instant now, Duration length) {
        return jdbc.sql("update routing_leases set lease_owner = ?, lease_until = ? where name = 'flusher'"
                                + " and (lease_until is null or lease_until < ? or lease_owner = ?)")
                        .params(owner, utc(now.plus(length)), utc(now), owner)
                        .update()
                == 1;
    }

    private static Alert alert(String json) {
        return JSON.readValue(json, Alert.class);
    }

    private GroupRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lastFired = rs.getObject("last_fired_at", OffsetDateTime.class);
        return new GroupRow(
                rs.getLong("id"),
                rs.getString("group_key"),
                rs.getString("route"),
                JSON.readValue(rs.getString("group_labels"), new TypeReference<Map<String, String>>() {}),
                rs.getString("service"),
                rs.getString("escalation_policy"),
                rs.getString("severity"),
                rs.getString("runbook"),
                Duration.ofMillis(rs.getLong("group_interval_ms")),
                Duration.ofMillis(rs.getLong("repeat_interval_ms")),
                rs.getObject("next_flush_at", OffsetDateTime.class).toInstant(),
                lastFired == null ? null : lastFired.toInstant(),
                rs.getString("fired_hash"));
    }
}
