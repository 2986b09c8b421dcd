package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentCycle;
import dev.firebreak.incident.IncidentPage;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The incidents, incident_alerts and incident_timeline tables. */
@Repository
public class IncidentStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, group_key, title, state, route, service, escalation_policy, severity,"
            + " severity_label, severity_rank, response_target, response_target_seconds, runbook_slug, commander,"
            + " communications_lead, scribe, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by,"
            + " reopen_count, updated_at";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String groupKey,
            String title,
            String route,
            String service,
            String policy,
            Severity severity,
            String runbook,
            Instant at,
            Instant groupEventAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        // open_group_key is unique: a second opening for the same group fails here and is retried.
        jdbc.sql("insert into incidents (group_key, open_group_key, title, state, route, service, escalation_policy,"
                        + " severity, severity_label, severity_rank, response_target, response_target_seconds,"
                        + " runbook_slug, opened_at, reopen_count, updated_at, group_event_at)"
                        + " values (?, ?, ?, 'TRIGGERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        groupKey,
                        groupKey,
                        cut(title, 1000),
                        route,
                        service,
                        policy,
                        severity.name(),
                        severity.label(),
                        severity.rank(),
                        severity.responseTarget(),
                        severity.responseTargetSeconds(),
                        runbook,
                        utc(at),
                        utc(at),
                        groupEventAt == null ? null : utc(groupEventAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("insert into incident_cycles (incident_id, cycle, opened_at) values (?, 1, ?)")
                .params(id, utc(at))
                .update();
        return id;
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from incidents where id = ?")
                .param(id)
                .query(IncidentStore::incident)
                .optional();
    }

    public Optional<Incident> latestForGroup(String groupKey) {
        return jdbc
                .sql("select " + COLUMNS + " from incidents where group_key = ? order by id desc")
                .param(groupKey)
                .query(IncidentStore::incident)
                .stream()
                .findFirst();
    }

    public Optional<Incident> openWithAlert(long alertId) {
        return jdbc
                .sql("select " + COLUMNS.replaceAll("(^|, )", "$1i.") + " from incidents i join incident_alerts a"
                        + " on a.incident_id = i.id where a.alert_id = ? and i.state <> 'RESOLVED' order by i.id desc")
                .param(alertId)
                .query(IncidentStore::incident)
                .stream()
                .findFirst();
    }

    public List<Incident> list(IncidentQuery query) {
        return page(query).items();
    }

    /** A page newest first, with the number of matches in all and the next page's cursor. */
    public IncidentPage page(IncidentQuery query) {
        StringBuilder sql = new StringBuilder(" from incidents where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.state() != null && !query.state().isBlank()) {
            if (query.state().equalsIgnoreCase("open")) {
                sql.append(" and state <> 'RESOLVED'");
            } else {
                sql.append(" and state = ?");
                params.add(query.state().toUpperCase(Locale.ROOT));
            }
        }
        if (query.severity() != null && !query.severity().isBlank()) {
            // "critical" finds P1 (Critical) and SEV-1 (Critical): the level's name or its label.
            sql.append(" and (lower(severity) = ? or lower(coalesce(severity_label, '')) = ?)");
            String severity = query.severity().strip().toLowerCase(Locale.ROOT);
            params.add(severity);
            params.add(severity);
        }
        if (query.level() != null) {
            sql.append(" and severity_rank = ?");
            params.add(query.level() - 1);
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and (lower(title) like ? or lower(group_key) like ? or lower(coalesce(service, '')) like ?"
                    + " or lower(coalesce(route, '')) like ?)");
            String like = "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "") + "%";
            params.addAll(List.of(like, like, like, like));
        }
        long total = jdbc.sql("select count(*)" + sql)
                .params(params)
                .query(Long.class)
                .single();
        if (query.before() != null) {
            sql.append(" and id < ?");
            params.add(query.before());
        }
        sql.append(" order by id desc fetch first ").append(query.limit() + 1).append(" rows only");
        List<Incident> rows = jdbc.sql("select " + COLUMNS + sql)
                .params(params)
                .query(IncidentStore::incident)
                .list();
        if (rows.size() <= query.limit()) {
            return new IncidentPage(rows, null, total);
        }
        List<Incident> items = rows.subList(0, query.limit());
        return new IncidentPage(List.copyOf(items), items.getLast().id(), total);
    }

    public long countOpen() {
        return jdbc.sql("select count(*) from incidents where state <> 'RESOLVED'")
                .query(Long.class)
                .single();
    }

    /** Triggered to acknowledged, only if still triggered; false when another change came first. */
    public boolean acknowledge(long id, Instant at, String by) {
        int changed = jdbc.sql("update incidents set state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,"
                        + " updated_at = ? where id = ? and state = 'TRIGGERED'")
                .params(utc(at), by, utc(at), id)
                .update();
        if (changed == 1) {
            jdbc.sql("update incident_cycles set acknowledged_at = ?, acknowledged_by = ? where incident_id = ?"
                            + " and cycle = (select reopen_count + 1 from incidents where id = ?)")
                    .params(utc(at), by, id, id)
                    .update();
        }
        return changed == 1;
    }

    /**
     * Acknowledged back to triggered (the ack timed out); false when it was not acknowledged. The
     * cycle keeps its first acknowledge, so time to acknowledge stays what it was.
     */
    public boolean retrigger(long id, Instant at) {
        return jdbc.sql("update incidents set state = 'TRIGGERED', acknowledged_at = null, acknowledged_by = null,"
                                + " updated_at = ? where id = ? and state = 'ACKNOWLEDGED'")
                        .params(utc(at), id)
                        .update()
                == 1;
    }

    /** Resolves an incident that is not resolved yet; false when it already was. */
    public boolean resolve(long id, Instant at, String by) {
        int changed = jdbc.sql("update incidents set state = 'RESOLVED', open_group_key = null, resolved_at = ?,"
                        + " resolved_by = ?, updated_at = ? where id = ? and state <> 'RESOLVED'")
                .params(utc(at), by, utc(at), id)
                .update();
        if (changed == 1) {
            jdbc.sql("update incident_cycles set resolved_at = ?, resolved_by = ? where incident_id = ?"
                            + " and cycle = (select reopen_count + 1 from incidents where id = ?)")
                    .params(utc(at), by, id, id)
                    .update();
        }
        return changed == 1;
    }

    /**
     * A resolved incident triggers again and starts a new cycle; false when it was not resolved.
     * Fails with a duplicate key when another incident of the group is open meanwhile.
     */
    public boolean reopen(long id, Instant at) {
        int changed = jdbc.sql("update incidents set state = 'TRIGGERED', open_group_key = group_key,"
                        + " acknowledged_at = null, acknowledged_by = null, resolved_at = null, resolved_by = null,"
                        + " reopen_count = reopen_count + 1, opened_at = ?, updated_at = ? where id = ?"
                        + " and state = 'RESOLVED'")
                .params(utc(at), utc(at), id)
                .update();
        if (changed == 1) {
            jdbc.sql("insert into incident_cycles (incident_id, cycle, opened_at)"
                            + " select id, reopen_count + 1, ? from incidents where id = ?")
                    .params(utc(at), id)
                    .update();
        }
        return changed == 1;
    }

    public List<IncidentCycle> cycles(long incidentId) {
        return jdbc.sql("select cycle, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by"
                        + " from incident_cycles where incident_id = ? order by cycle")
                .param(incidentId)
                .query((rs, n) -> new IncidentCycle(
                        rs.getInt("cycle"),
                        instant(rs, "opened_at"),
                        instant(rs, "acknowledged_at"),
                        rs.getString("acknowledged_by"),
                        instant(rs, "resolved_at"),
                        rs.getString("resolved_by")))
                .list();
    }

    public void setSeverity(long id, Severity severity, Instant at) {
        jdbc.sql("update incidents set severity = ?, severity_label = ?, severity_rank = ?, response_target = ?,"
                        + " response_target_seconds = ?, updated_at = ? where id = ?")
                .params(
                        severity.name(),
                        severity.label(),
                        severity.rank(),
                        severity.responseTarget(),
                        severity.responseTargetSeconds(),
                        utc(at),
                        id)
                .update();
    }

    public void setRole(long id, String column, String username, Instant at) {
        if (!List.of("commander", "communications_lead", "scribe").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update incidents set " + column + " = ?, updated_at = ? where id = ?")
                .params(username, utc(at), id)
                .update();
    }

    public void setRunbook(long id, String slug, Instant at) {
        jdbc.sql("update incidents set runbook_slug = ?, updated_at = ? where id = ?")
                .params(slug, utc(at), id)
                .update();
    }

    /** Adds or refreshes the incident's copy of the alert; true when the alert is new or firing again. */
    public boolean putAlert(long incidentId, Alert alert, Instant at) {
        Optional<String> status = jdbc.sql("select status from incident_alerts where incident_id = ? and alert_id = ?")
                .params(incidentId, alert.id())
                .query(String.class)
                .optional();
        String labels = JSON.writeValueAsString(alert.labels());
        String annotations = JSON.writeValueAsString(alert.annotations() == null ? Map.of() : alert.annotations());
        if (status.isEmpty()) {
            jdbc.sql("insert into incident_alerts (incident_id, alert_id, fingerprint, name, status, labels_json,"
                            + " annotations_json, starts_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            incidentId,
                            alert.id(),
                            alert.fingerprint(),
                            cut(alert.name(), 1000),
                            alert.status().name(),
                            labels,
                            annotations,
                            alert.startsAt() == null ? null : utc(alert.startsAt()),
                            utc(at))
                    .update();
            return true;
        }
        jdbc.sql("update incident_alerts set status = ?, labels_json = ?, annotations_json = ?, last_seen_at = ?"
                        + " where incident_id = ? and alert_id = ?")
                .params(alert.status().name(), labels, annotations, utc(at), incidentId, alert.id())
                .update();
        return !status.get().equals(alert.status().name()) && alert.status() == AlertStatus.FIRING;
    }

    public void resolveAlerts(long incidentId, Instant at) {
        jdbc.sql("update incident_alerts set status = 'RESOLVED', last_seen_at = ? where incident_id = ?")
                .params(utc(at), incidentId)
                .update();
    }

    public List<IncidentAlert> alerts(long incidentId) {
        return jdbc.sql("select alert_id, fingerprint, name, status, labels_json, annotations_json, starts_at,"
                        + " last_seen_at from incident_alerts where incident_id = ? order by starts_at, alert_id")
                .param(incidentId)
                .query((rs, n) -> new IncidentAlert(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        AlertStatus.valueOf(rs.getString(4)),
                        strings(rs.getString(5)),
                        strings(rs.getString(6)),
                        instant(rs, "starts_at"),
                        instant(rs, "last_seen_at")))
                .list();
    }

    /** Sets the status of the incident's copy of an alert; true when it changed. */
    public boolean alertStatus(long incidentId, long alertId, AlertStatus status, Instant at) {
        return jdbc.sql("update incident_alerts set status = ?, last_seen_at = ? where incident_id = ? and alert_id = ?"
                                + " and status <> ?")
                        .params(status.name(), utc(at), incidentId, alertId, status.name())
                        .update()
                == 1;
    }

    public void addTimeline(long incidentId, Instant at, String actor, String text, TimelineDetail detail) {
        jdbc.sql("insert into incident_timeline (incident_id, at, actor, kind, text, data) values (?, ?, ?, ?, ?, ?)")
                .params(
                        incidentId,
                        utc(at),
                        cut(actor, 200),
                        TimelineKind.of(detail).id(),
                        cut(text, 4000),
                        TimelineData.write(detail))
                .update();
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return jdbc.sql("select id, at, actor, kind, text, data from incident_timeline where incident_id = ?"
                        + " order by id")
                .param(incidentId)
                .query((rs, n) -> {
                    TimelineKind kind = TimelineKind.of(rs.getString("kind"));
                    return new TimelineEntry(
                            rs.getLong("id"),
                            instant(rs, "at"),
                            rs.getString("actor"),
                            kind,
                            rs.getString("text"),
                            TimelineData.read(kind, rs.getString("data")));
                })
                .list();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        long target = rs.getLong("response_target_seconds");
        Long seconds = rs.wasNull() ? null : target;
        return new Incident(
                rs.getLong("id"),
                rs.getString("group_key"),
                rs.getString("title"),
                IncidentState.valueOf(rs.getString("state")),
                rs.getString("route"),
                rs.getString("service"),
                rs.getString("escalation_policy"),
                new Severity(
                        rs.getString("severity"),
                        rs.getString("severity_label"),
                        rs.getString("response_target"),
                        seconds,
                        rs.getInt("severity_rank")),
                rs.getString("runbook_slug"),
                rs.getString("commander"),
                rs.getString("communications_lead"),
                rs.getString("scribe"),
                instant(rs, "opened_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getInt("reopen_count"),
                instant(rs, "updated_at"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(String json) {
        return json == null ? Map.of() : JSON.readValue(json, Map.class);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
