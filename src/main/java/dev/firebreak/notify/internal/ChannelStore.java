package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.NotifyChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Channels and their signing secrets. */
@Repository
public class ChannelStore {
    private final JdbcClient jdbc;

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NotifyChannel> find(long id) {
        return jdbc.sql("select * from notify_channels where id = ?")
                .param(id)
                .query(ChannelStore::channel)
                .optional();
    }

    public Optional<NotifyChannel> findByName(String name) {
        return jdbc.sql("select * from notify_channels where name = ?")
                .param(name)
                .query(ChannelStore::channel)
                .optional();
    }

    public List<NotifyChannel> all() {
        return jdbc.sql("select * from notify_channels order by name")
                .query(ChannelStore::channel)
                .list();
    }

    /** The enabled channels of a team or a service. */
    public List<NotifyChannel> subscribed(String team, String service) {
        return jdbc.sql("select * from notify_channels where enabled = true and (team = ? or service = ?) order by id")
                .params(team, service)
                .query(ChannelStore::channel)
                .list();
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous during its overlap. */
    public List<String> secrets(long id, Instant now) {
        return jdbc.sql("select secret, previous_secret, previous_until from notify_channels where id = ?")
                .param(id)
                .query((rs, n) -> {
                    List<String> secrets = new ArrayList<>();
                    if (rs.getString(1) != null) {
                        secrets.add(rs.getString(1));
                    }
                    Instant until = instant(rs, 3);
                    if (rs.getString(2) != null && until != null && until.isAfter(now)) {
                        secrets.add(rs.getString(2));
                    }
                    return List.copyOf(secrets);
                })
                .optional()
                .orElse(List.of());
    }

    /** A new channel, enabled; {@code secret} null for channels that are not signed. */
    public long insert(
            String name, ChannelType type, String url, String team, String service, String secret, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into notify_channels (name, channel_type, url, team, service, secret, enabled, created_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)")
                .params(name, type.id(), url, team, service, secret, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Sets where it goes and who owns it; enabling clears the reason it was turned off. */
    public void update(long id, String url, String team, String service, boolean enabled, Instant now) {
        jdbc.sql(
                        "update notify_channels set url = ?, team = ?, service = ?, enabled = ?,"
                                + " disabled_reason = case when ? then null else disabled_reason end, updated_at = ? where id = ?")
                .params(url, team, service, enabled, enabled, utc(now), id)
                .update();
    }

    /** A new current secret; the old one keeps signing until {@code previousUntil}. */
    public void rotate(long id, String secret, Instant previousUntil, Instant now) {
        jdbc.sql("update notify_channels set previous_secret = secret, previous_until = ?, secret = ?, updated_at = ?"
                        + " where id = ?")
                .params(utc(previousUntil), secret, utc(now), id)
                .update();
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from notify_channels where id = ?").param(id).update() > 0;
    }

    public void disable(long id, String reason, Instant now) {
        jdbc.sql("update notify_channels set enabled = false, disabled_reason = ?, updated_at = ? where id = ?")
                .params(reason, utc(now), id)
                .update();
    }

    static NotifyChannel channel(ResultSet rs, int n) throws SQLException {
        return new NotifyChannel(
                rs.getLong("id"),
                rs.getString("name"),
                ChannelType.of(rs.getString("channel_type")),
                rs.getString("url"),
                rs.getString("team"),
                rs.getString("service"),
                rs.getString("secret") != null,
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                instant(rs, "updated_at"));
    }
}
