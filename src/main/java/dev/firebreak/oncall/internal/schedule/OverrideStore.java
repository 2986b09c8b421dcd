package dev.firebreak.oncall.internal.schedule;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.StoredOverride;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Overrides of schedules; a swap's two overrides share a swap group. */
@Repository
public class OverrideStore {
    private static final String SELECT = "select o.*, s.name as schedule_name from schedule_overrides o"
            + " join schedules s on s.id = o.schedule_id ";

    private final JdbcClient jdbc;

    OverrideStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long scheduleId,
            String username,
            String replaces,
            Instant start,
            Instant end,
            String by,
            Instant now,
            String swapGroup) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into schedule_overrides (schedule_id, username, replaces, starts_at, ends_at, created_by,"
                        + " created_at, swap_group) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(scheduleId, username, replaces, utc(start), utc(end), by, utc(now), swapGroup)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The schedule's overrides overlapping {@code [from, to)}, by start. */
    public List<StoredOverride> overlapping(long scheduleId, Instant from, Instant to) {
        return jdbc.sql(SELECT
                        + "where o.schedule_id = ? and o.starts_at < ? and o.ends_at > ? order by o.starts_at, o.id")
                .params(scheduleId, utc(to), utc(from))
                .query(OverrideStore::row)
                .list();
    }

    /** Overrides of every schedule that have not ended at {@code now}. */
    public List<StoredOverride> notEnded(Instant now) {
        return jdbc.sql(SELECT + "where o.ends_at > ? order by o.starts_at, o.id")
                .param(utc(now))
                .query(OverrideStore::row)
                .list();
    }

    public Optional<StoredOverride> find(long scheduleId, long id) {
        return jdbc.sql(SELECT + "where o.schedule_id = ? and o.id = ?")
                .params(scheduleId, id)
                .query(OverrideStore::row)
                .optional();
    }

    public List<StoredOverride> swap(String swapGroup) {
        return jdbc.sql(SELECT + "where o.swap_group = ? order by o.id")
                .param(swapGroup)
                .query(OverrideStore::row)
                .list();
    }

    public void delete(long id) {
        jdbc.sql("delete from schedule_overrides where id = ?").param(id).update();
    }

    private static StoredOverride row(ResultSet rs, int n) throws SQLException {
        return new StoredOverride(
                rs.getLong("id"),
                rs.getString("schedule_name"),
                rs.getString("username"),
                rs.getString("replaces"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getString("swap_group"));
    }
}
