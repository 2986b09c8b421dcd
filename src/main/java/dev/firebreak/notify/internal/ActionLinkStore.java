package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.notify.RenderedMessage.Link.Action;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use acknowledge / resolve links ({@code notify_action_links}). Callers hold the transaction. */
@Repository
public class ActionLinkStore {
    private final JdbcClient jdbc;

    ActionLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            String linkId, long incidentId, String username, Action action, Instant expiresAt, Instant usedAt) {}

    /** Writes the link unless a message's earlier attempt did; the stored row wins either way. */
    public Row insertIfAbsent(Row row) {
        Optional<Row> existing = find(row.linkId());
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into notify_action_links (link_id, incident_id, username, action, expires_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        row.linkId(),
                        row.incidentId(),
                        row.username(),
                        row.action().name(),
                        utc(row.expiresAt()))
                .update();
        return find(row.linkId()).orElseThrow();
    }

    public Optional<Row> find(String linkId) {
        return jdbc.sql("select * from notify_action_links where link_id = ?")
                .param(linkId)
                .query(ActionLinkStore::row)
                .optional();
    }

    /** Locks the row until the caller's transaction ends, so that two clicks act once. */
    public Optional<Row> lock(String linkId) {
        return jdbc.sql("select * from notify_action_links where link_id = ? for update")
                .param(linkId)
                .query(ActionLinkStore::row)
                .optional();
    }

    /** @return false when the link was used already */
    public boolean use(String linkId, Instant now) {
        return jdbc.sql("update notify_action_links set used_at = ? where link_id = ? and used_at is null")
                        .params(utc(now), linkId)
                        .update()
                == 1;
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString("link_id"),
                rs.getLong("incident_id"),
                rs.getString("username"),
                Action.valueOf(rs.getString("action")),
                instant(rs, "expires_at"),
                instant(rs, "used_at"));
    }
}
