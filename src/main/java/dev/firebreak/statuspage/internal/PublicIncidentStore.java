package dev.firebreak.statuspage.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.statuspage.ComponentStatus;
import dev.firebreak.statuspage.Impact;
import dev.firebreak.statuspage.IncidentStatus;
import dev.firebreak.statuspage.PublicIncident;
import dev.firebreak.statuspage.PublicIncident.Affected;
import dev.firebreak.statuspage.PublicIncident.Kind;
import dev.firebreak.statuspage.PublicUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Public incidents and maintenance, the components they affect and their updates (V23). */
@Repository
public class PublicIncidentStore {
    private final JdbcClient jdbc;

    PublicIncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a new incident or maintenance. */
    public record NewIncident(
            long pageId,
            Kind kind,
            Long incidentId,
            String name,
            IncidentStatus status,
            Impact impact,
            Instant scheduledFor,
            Instant scheduledUntil,
            Instant startedAt) {}

    public long insert(NewIncident incident, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into status_incidents (public_id, page_id, kind, incident_id, name, status, impact,"
                        + " scheduled_for, scheduled_until, started_at, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        PublicIds.newId(),
                        incident.pageId(),
                        incident.kind().name(),
                        incident.incidentId(),
                        incident.name(),
                        incident.status().name(),
                        incident.impact().name(),
                        incident.scheduledFor() == null ? null : utc(incident.scheduledFor()),
                        incident.scheduledUntil() == null ? null : utc(incident.scheduledUntil()),
                        utc(incident.startedAt()),
                        utc(now),
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A new status: monitoring and resolved are remembered once, as Statuspage.io does. */
    public void status(long id, IncidentStatus status, Impact impact, Instant now) {
        jdbc.sql("update status_incidents set status = ?, impact = ?, updated_at = ?,"
                        + " monitoring_at = case when ? then coalesce(monitoring_at, ?) else monitoring_at end,"
                        + " resolved_at = case when ? then coalesce(resolved_at, ?) else null end where id = ?")
                .params(
                        status.name(),
                        impact.name(),
                        utc(now),
                        status == IncidentStatus.MONITORING,
                        utc(now),
                        status.finished(),
                        utc(now),
                        id)
                .update();
    }

    public void affect(long id, long componentId, ComponentStatus status) {
        int changed = jdbc.sql("update status_incident_components set component_status = ?"
                        + " where status_incident_id = ? and component_id = ?")
                .params(status.name(), id, componentId)
                .update();
        if (changed == 0) {
            jdbc.sql("insert into status_incident_components (status_incident_id, component_id, component_status)"
                            + " values (?, ?, ?)")
                    .params(id, componentId, status.name())
                    .update();
        }
    }

    public void addUpdate(long id, IncidentStatus status, String body, String author, Instant now) {
        jdbc.sql("insert into status_incident_updates (public_id, status_incident_id, status, body, author,"
                        + " created_at) values (?, ?, ?, ?, ?, ?)")
                .params(PublicIds.newId(), id, status.name(), body, author, utc(now))
                .update();
    }

    public Optional<PublicIncident> byPublicId(long pageId, String publicId) {
        return list("where i.page_id = ? and i.public_id = ?", pageId, publicId).stream()
                .findFirst();
    }

    /** The page's incidents and maintenance still going, or started or scheduled after {@code since}. */
    public List<PublicIncident> forPage(long pageId, Instant since) {
        return list(
                "where i.page_id = ? and (i.resolved_at is null or i.resolved_at >= ? or i.started_at >= ?)",
                pageId,
                utc(since),
                utc(since));
    }

    private List<PublicIncident> list(String where, Object... params) {
        List<Row> rows = jdbc.sql(
                        "select * from status_incidents i " + where + " order by i.started_at desc, i.id desc")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("public_id"),
                        rs.getLong("page_id"),
                        Kind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("incident_id", Long.class),
                        rs.getString("name"),
                        IncidentStatus.valueOf(rs.getString("status")),
                        Impact.valueOf(rs.getString("impact")),
                        instant(rs, "scheduled_for"),
                        instant(rs, "scheduled_until"),
                        instant(rs, "started_at"),
                        instant(rs, "monitoring_at"),
                        instant(rs, "resolved_at"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        Map<Long, List<Affected>> affected = jdbc
                .sql("select * from status_incident_components" + " where status_incident_id in (" + in
                        + ") order by component_id")
                .params(ids.toArray())
                .query((rs, n) -> Map.entry(
                        rs.getLong("status_incident_id"),
                        new Affected(
                                rs.getLong("component_id"), ComponentStatus.valueOf(rs.getString("component_status")))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<PublicUpdate>> updates = jdbc
                .sql("select * from status_incident_updates" + " where status_incident_id in (" + in
                        + ") order by id desc")
                .params(ids.toArray())
                .query((rs, n) -> Map.entry(
                        rs.getLong("status_incident_id"),
                        new PublicUpdate(
                                rs.getLong("id"),
                                rs.getString("public_id"),
                                IncidentStatus.valueOf(rs.getString("status")),
                                rs.getString("body"),
                                instant(rs, "created_at"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<PublicIncident> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new PublicIncident(
                    r.id(),
                    r.publicId(),
                    r.pageId(),
                    r.kind(),
                    r.incidentId(),
                    r.name(),
                    r.status(),
                    r.impact(),
                    r.scheduledFor(),
                    r.scheduledUntil(),
                    r.startedAt(),
                    r.monitoringAt(),
                    r.resolvedAt(),
                    r.createdAt(),
                    r.updatedAt(),
                    affected.getOrDefault(r.id(), List.of()),
                    updates.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private record Row(
            long id,
            String publicId,
            long pageId,
            Kind kind,
            Long incidentId,
            String name,
            IncidentStatus status,
            Impact impact,
            Instant scheduledFor,
            Instant scheduledUntil,
            Instant startedAt,
            Instant monitoringAt,
            Instant resolvedAt,
            Instant createdAt,
            Instant updatedAt) {}
}
