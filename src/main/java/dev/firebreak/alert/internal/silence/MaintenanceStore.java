package dev.firebreak.alert.internal.silence;

import dev.firebreak.alert.MaintenanceWindow;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The maintenance_windows table. */
@Repository
public class MaintenanceStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    MaintenanceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MaintenanceWindow insert(String service, Instant startsAt, Instant endsAt, String by, String comment) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into maintenance_windows (service, starts_at, ends_at, created_by, comment, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        service,
                        Timestamps.utc(startsAt),
                        Timestamps.utc(endsAt),
                        by,
                        comment,
                        Timestamps.utc(clock.instant()))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public List<MaintenanceWindow> list() {
        return jdbc.sql("select * from maintenance_windows order by ends_at desc, id desc")
                .query(this::row)
                .list();
    }

    public Optional<MaintenanceWindow> find(long id) {
        return jdbc.sql("select * from maintenance_windows where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    public void end(long id, Instant endsAt) {
        jdbc.sql("update maintenance_windows set ends_at = ? where id = ?")
                .params(Timestamps.utc(endsAt), id)
                .update();
    }

    private MaintenanceWindow row(ResultSet rs, int n) throws SQLException {
        return new MaintenanceWindow(
                rs.getLong("id"),
                rs.getString("service"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getString("comment"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
