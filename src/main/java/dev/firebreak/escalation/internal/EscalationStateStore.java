package dev.firebreak.escalation.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.escalation.EscalationState;
import dev.firebreak.escalation.OverdueEscalation;
import dev.firebreak.escalation.Page;
import dev.firebreak.escalation.PageReason;
import dev.firebreak.escalation.PageState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Escalation state rows and the pages they wrote. */
@Repository
public class EscalationStateStore {
    private static final String LIVE = "('ACTIVE', 'ACKNOWLEDGED')";

    private final JdbcClient jdbc;

    EscalationStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row, locked until the transaction ends: one advance at a time per incident, on any node. */
    public Optional<StateRow> lock(long incidentId) {
        return jdbc.sql("select * from escalation_states where incident_id = ? for update")
                .param(incidentId)
                .query(EscalationStateStore::state)
                .optional();
    }

    public Optional<StateRow> find(long incidentId) {
        return jdbc.sql("select * from escalation_states where incident_id = ?")
                .param(incidentId)
                .query(EscalationStateStore::state)
                .optional();
    }

    /** Inserts the row, or replaces an older cycle's (incident_id is the key; seq keeps growing). */
    public void put(StateRow row, Instant now) {
        int updated = jdbc.sql("update escalation_states set cycle = ?, policy = ?, tier_severity = ?, loop_index = ?,"
                        + " step_index = ?, seq = ?, status = ?, next_step_at = ?, ack_timeout_at = ?, updated_at = ?"
                        + " where incident_id = ?")
                .params(
                        row.cycle(),
                        row.policy(),
                        row.tierSeverity(),
                        row.loop(),
                        row.step(),
                        row.seq(),
                        row.status().name(),
                        utc(row.nextStepAt()),
                        utc(row.ackTimeoutAt()),
                        utc(now),
                        row.incidentId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into escalation_states (incident_id, cycle, policy, tier_severity, loop_index, step_index,"
                            + " seq, status, next_step_at, ack_timeout_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            row.incidentId(),
                            row.cycle(),
                            row.policy(),
                            row.tierSeverity(),
                            row.loop(),
                            row.step(),
                            row.seq(),
                            row.status().name(),
                            utc(row.nextStepAt()),
                            utc(row.ackTimeoutAt()),
                            utc(now))
                    .update();
        }
    }

    public Page insertPage(StateRow row, String username, String target, PageReason reason, Instant due, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into pages (incident_id, cycle, seq, step_index, loop_index, policy, username, target,"
                        + " reason, due_at, created_at, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.incidentId(),
                        row.cycle(),
                        row.seq(),
                        row.step(),
                        row.loop(),
                        row.policy(),
                        username,
                        target,
                        reason.name(),
                        utc(due),
                        utc(now),
                        PageState.DUE.name())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Page(
                id,
                row.incidentId(),
                row.cycle(),
                row.seq(),
                row.step(),
                row.loop(),
                row.policy(),
                username,
                target,
                reason,
                due,
                now,
                PageState.DUE);
    }

    public List<Page> pages(long incidentId) {
        return jdbc.sql("select * from pages where incident_id = ? order by id")
                .param(incidentId)
                .query(EscalationStateStore::page)
                .list();
    }

    public List<Page> pagesAfter(long afterId, int limit) {
        return jdbc.sql("select * from pages where id > ? order by id fetch first " + limit + " rows only")
                .param(afterId)
                .query(EscalationStateStore::page)
                .list();
    }

    public List<Page> pagesDue(Instant from, Instant to) {
        return jdbc.sql("select * from pages where due_at >= ? and due_at < ? order by due_at, id")
                .params(utc(from), utc(to))
                .query(EscalationStateStore::page)
                .list();
    }

    public long countLive(String policy) {
        return jdbc.sql("select count(*) from escalation_states where policy = ? and status in " + LIVE)
                .param(policy)
                .query(Long.class)
                .single();
    }

    public long countActive() {
        return jdbc.sql("select count(*) from escalation_states where status = 'ACTIVE'")
                .query(Long.class)
                .single();
    }

    /** Active rows whose next step was due before {@code before}. */
    public List<OverdueEscalation> overdue(Instant before) {
        return jdbc.sql("select incident_id, policy, step_index, next_step_at from escalation_states"
                        + " where status = 'ACTIVE' and next_step_at < ? order by next_step_at")
                .param(utc(before))
                .query((rs, n) -> new OverdueEscalation(
                        rs.getLong("incident_id"),
                        rs.getString("policy"),
                        rs.getInt("step_index"),
                        instant(rs, "next_step_at")))
                .list();
    }

    private static StateRow state(ResultSet rs, int n) throws SQLException {
        return new StateRow(
                rs.getLong("incident_id"),
                rs.getInt("cycle"),
                rs.getString("policy"),
                rs.getString("tier_severity"),
                rs.getInt("loop_index"),
                rs.getInt("step_index"),
                rs.getInt("seq"),
                EscalationState.valueOf(rs.getString("status")),
                instant(rs, "next_step_at"),
                instant(rs, "ack_timeout_at"));
    }

    private static Page page(ResultSet rs, int n) throws SQLException {
        return new Page(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getInt("cycle"),
                rs.getInt("seq"),
                rs.getInt("step_index"),
                rs.getInt("loop_index"),
                rs.getString("policy"),
                rs.getString("username"),
                rs.getString("target"),
                PageReason.valueOf(rs.getString("reason")),
                instant(rs, "due_at"),
                instant(rs, "created_at"),
                PageState.valueOf(rs.getString("state")));
    }
}
