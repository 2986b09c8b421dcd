package dev.firebreak.execution.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state of each procedure step an incident touched; untouched steps have no row. */
@Repository
public class ChecklistStore {
    /** A stored step state. */
    public record Row(
            long incidentId,
            String procedure,
            int step,
            String state,
            String reason,
            String assignee,
            String changedBy,
            Instant changedAt) {}

    private final JdbcClient jdbc;

    ChecklistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> forIncident(long incidentId) {
        return jdbc.sql("select * from incident_checklist where incident_id = ?")
                .param(incidentId)
                .query(ChecklistStore::row)
                .list();
    }

    public List<Row> forIncidents(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from incident_checklist where incident_id in (:ids)")
                .param("ids", ids)
                .query(ChecklistStore::row)
                .list();
    }

    public void put(Row row) {
        int updated = jdbc.sql("update incident_checklist set state = ?, reason = ?, assignee = ?, changed_by = ?,"
                        + " changed_at = ? where incident_id = ? and procedure = ? and step_index = ?")
                .params(
                        row.state(),
                        row.reason(),
                        row.assignee(),
                        row.changedBy(),
                        utc(row.changedAt()),
                        row.incidentId(),
                        row.procedure(),
                        row.step())
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into incident_checklist (incident_id, procedure, step_index, state, reason, assignee,"
                                + " changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                row.incidentId(),
                                row.procedure(),
                                row.step(),
                                row.state(),
                                row.reason(),
                                row.assignee(),
                                row.changedBy(),
                                utc(row.changedAt()))
                        .update();
            } catch (DuplicateKeyException raced) {
                throw new FirebreakException.Conflict("somebody changed this step at the same moment; try again");
            }
        }
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("incident_id"),
                rs.getString("procedure"),
                rs.getInt("step_index"),
                rs.getString("state"),
                rs.getString("reason"),
                rs.getString("assignee"),
                rs.getString("changed_by"),
                Timestamps.instant(rs, "changed_at"));
    }
}
