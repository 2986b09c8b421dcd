package dev.firebreak.oncall.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code user_profiles}: a person's own time zone; no row is the server's default. */
@Repository
public class ProfileStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    ProfileStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> zone(String username) {
        return jdbc.sql("select time_zone from user_profiles where username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    public Map<String, String> zones() {
        Map<String, String> zones = new HashMap<>();
        jdbc.sql("select username, time_zone from user_profiles").query(rs -> {
            zones.put(rs.getString(1), rs.getString(2));
        });
        return zones;
    }

    /** null clears the zone back to the server's default. */
    public void setZone(String username, String zone) {
        if (zone == null) {
            jdbc.sql("delete from user_profiles where username = ?")
                    .param(username)
                    .update();
            return;
        }
        int updated = jdbc.sql("update user_profiles set time_zone = ?, updated_at = ? where username = ?")
                .params(zone, utc(clock.instant()), username)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into user_profiles (username, time_zone, updated_at) values (?, ?, ?)")
                    .params(username, zone, utc(clock.instant()))
                    .update();
        }
    }
}
