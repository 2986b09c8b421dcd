package dev.firebreak.postmortem.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.platform.storage.Timestamps;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Postmortem rows. Every change names the version it was made on: a stale one changes nothing. */
@Repository
public class PostmortemStore {
    private final JdbcClient jdbc;

    PostmortemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the incident has one already */
    public long insert(long incidentId, String title, String markdown, String actor, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into postmortems (incident_id, title, state, markdown, version, created_by, created_at,"
                        + " updated_by, updated_at) values (?, ?, 'DRAFT', ?, 1, ?, ?, ?, ?)")
                .params(incidentId, title, markdown, actor, utc(now), actor, utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Postmortem> find(long id) {
        return jdbc.sql("select * from postmortems where id = ?")
                .param(id)
                .query(PostmortemStore::row)
                .optional();
    }

    public Optional<Postmortem> forIncident(long incidentId) {
        return jdbc.sql("select * from postmortems where incident_id = ?")
                .param(incidentId)
                .query(PostmortemStore::row)
                .optional();
    }

    /** Newest first; {@code state} null for all. */
    public List<Postmortem> list(PostmortemState state, int limit) {
        if (state == null) {
            return jdbc.sql("select * from postmortems order by id desc limit ?")
                    .param(limit)
                    .query(PostmortemStore::row)
                    .list();
        }
        return jdbc.sql("select * from postmortems where state = ? order by id desc limit ?")
                .params(state.name(), limit)
                .query(PostmortemStore::row)
                .list();
    }

    public boolean update(long id, int version, String title, String markdown, String actor, Instant now) {
        return jdbc.sql("update postmortems set title = ?, markdown = ?, version = version + 1, updated_by = ?,"
                                + " updated_at = ? where id = ? and version = ?")
                        .params(title, markdown, actor, utc(now), id, version)
                        .update()
                == 1;
    }

    public boolean move(long id, int version, PostmortemState to, String actor, Instant now) {
        return jdbc.sql("update postmortems set state = ?, version = version + 1, updated_by = ?, updated_at = ?,"
                                + " published_at = case when ? = 'PUBLISHED' then ? else published_at end"
                                + " where id = ? and version = ?")
                        .params(to.name(), actor, utc(now), to.name(), utc(now), id, version)
                        .update()
                == 1;
    }

    static Postmortem row(ResultSet rs, int n) throws SQLException {
        return new Postmortem(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("title"),
                PostmortemState.valueOf(rs.getString("state")),
                rs.getString("markdown"),
                rs.getInt("version"),
                rs.getString("created_by"),
                Timestamps.instant(rs, "created_at"),
                rs.getString("updated_by"),
                Timestamps.instant(rs, "updated_at"),
                Timestamps.instant(rs, "published_at"));
    }
}
