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
