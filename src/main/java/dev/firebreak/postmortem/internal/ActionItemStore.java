package dev.firebreak.postmortem.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.platform.storage.Timestamps;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Action item rows. */
@Repository
public class ActionItemStore {
    /** Which items to list; null fields do not filter. */
    public record Filter(Long postmortemId, ActionItemStatus status, String owner, Instant dueBefore, int limit) {}

    private final JdbcClient jdbc;

    ActionItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ActionItem item) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into action_items (postmortem_id, incident_id, title, owner, due_at, status, runbook_slug,"
                        + " runbook_version, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        item.postmortemId(),
                        item.incidentId(),
                        item.title(),
                        item.owner(),
                        utc(item.dueAt()),
                        item.status().name(),
                        item.runbookSlug(),
                        item.runbookVersion(),
                        item.createdBy(),
                        utc(item.createdAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ActionItem> find(long id) {
        return jdbc.sql("select * from action_items where id = ?")
                .param(id)
                .query(ActionItemStore::row)
                .optional();
    }

    /** The item with its row locked until the transaction ends. */
    public Optional<ActionItem> lock(long id) {
        return jdbc.sql("select * from action_items where id = ? for update")
                .param(id)
                .query(ActionItemStore::row)
                .optional();
    }

    /** Soonest due first. */
    public List<ActionItem> list(Filter filter) {
        StringBuilder sql = new StringBuilder("select * from action_items where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.postmortemId() != null) {
            sql.append(" and postmortem_id = ?");
            params.add(filter.postmortemId());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.owner() != null) {
            sql.append(" and owner = ?");
            params.add(filter.owner());
        }
        if (filter.dueBefore() != null) {
            sql.append(" and due_at <= ?");
            params.add(utc(filter.dueBefore()));
        }
        sql.append(" order by due_at, id limit ?");
        params.add(filter.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query(ActionItemStore::row)
                .list();
    }

    public void update(
            long id, String title, String owner, Instant dueAt, ActionItemStatus status, String by, Instant at) {
        boolean open = status == ActionItemStatus.OPEN;
        jdbc.sql("update action_items set title = ?, owner = ?, due_at = ?, status = ?, closed_at = ?, closed_by = ?"
                        + " where id = ?")
                .params(title, owner, utc(dueAt), status.name(), open ? null : utc(at), open ? null : by, id)
                .update();
    }

    /** Open "update the runbook" items of {@code slug} made on an older version than {@code version}. */
    public List<ActionItem> openForRunbook(String slug, int version) {
        return jdbc.sql("select * from action_items where runbook_slug = ? and status = 'OPEN' and runbook_version < ?"
                        + " order by id")
                .params(slug, version)
                .query(ActionItemStore::row)
                .list();
    }

    /** When the owner was last reminded, or null. */
    public Instant remindedAt(long id) {
        List<Instant> at = jdbc.sql("select reminded_at from action_items where id = ?")
                .param(id)
                .query((rs, n) -> Timestamps.instant(rs, "reminded_at"))
                .list();
        return at.isEmpty() ? null : at.getFirst();
    }

    public void reminded(long id, Instant at) {
        jdbc.sql("update action_items set reminded_at = ? where id = ?")
                .params(utc(at), id)
                .update();
    }

    static ActionItem row(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("runbook_version");
        Integer runbookVersion = rs.wasNull() ? null : version;
        return new ActionItem(
                rs.getLong("id"),
                rs.getLong("postmortem_id"),
                rs.getLong("incident_id"),
                rs.getString("title"),
                rs.getString("owner"),
                Timestamps.instant(rs, "due_at"),
                ActionItemStatus.valueOf(rs.getString("status")),
                rs.getString("runbook_slug"),
                runbookVersion,
                rs.getString("created_by"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "closed_at"),
                rs.getString("closed_by"));
    }
}
