package dev.firebreak.oncall.internal.schedule;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.CalendarFeed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Calendar feeds: only the SHA-256 of each secret is stored. */
@Repository
public class FeedStore {
    private static final String SELECT = "select f.*, s.name as schedule_name from calendar_feeds f"
            + " left join schedules s on s.id = f.schedule_id ";

    private final JdbcClient jdbc;

    FeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed with its stored hash, for the constant-time comparison. */
    public record WithHash(CalendarFeed feed, String hash) {}

    public long insert(String hash, Long scheduleId, String username, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into calendar_feeds (token_hash, schedule_id, username, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(hash, scheduleId, username, by, utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<WithHash> byHash(String hash) {
        return jdbc.sql(SELECT + "where f.token_hash = ?")
                .param(hash)
                .query((rs, n) -> new WithHash(row(rs, n), rs.getString("token_hash")))
                .optional();
    }

    public Optional<CalendarFeed> find(long id) {
        return jdbc.sql(SELECT + "where f.id = ?")
                .param(id)
                .query(FeedStore::row)
                .optional();
    }

    public List<CalendarFeed> ofSchedule(long scheduleId) {
        return jdbc.sql(SELECT + "where f.schedule_id = ? order by f.id")
                .param(scheduleId)
                .query(FeedStore::row)
                .list();
    }

    public List<CalendarFeed> ofUser(String username) {
        return jdbc.sql(SELECT + "where f.username = ? order by f.id")
                .param(username)
                .query(FeedStore::row)
                .list();
    }

    public void revoke(long id, Instant now) {
        jdbc.sql("update calendar_feeds set revoked_at = ? where id = ? and revoked_at is null")
                .params(utc(now), id)
                .update();
    }

    private static CalendarFeed row(ResultSet rs, int n) throws SQLException {
        return new CalendarFeed(
                rs.getLong("id"),
                rs.getString("schedule_name"),
                rs.getString("username"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"));
    }
}
