package dev.firebreak.platform.security;

import dev.firebreak.platform.storage.Timestamps;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The security audit trail ({@code security_events}): logins refused, throttled and accepted. */
@Service
public class SecurityAudit {
    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(SecurityEventKind kind, String username, String address, String detail) {
        jdbc.sql("insert into security_events (at, kind, username, address, detail) values (?, ?, ?, ?, ?)")
                .params(
                        Timestamps.utc(clock.instant()),
                        kind.name(),
                        clip(username, 100),
                        clip(address, 64),
                        clip(detail, 500))
                .update();
    }

    /** Newest first; {@code beforeId} (exclusive) pages back, 0 starts at the newest. */
    public List<SecurityEvent> list(long beforeId, int limit) {
        return jdbc.sql("select * from security_events where (? = 0 or id < ?) order by id desc" + " fetch first "
                        + limit + " rows only")
                .params(beforeId, beforeId)
                .query((rs, n) -> new SecurityEvent(
                        rs.getLong("id"),
                        Timestamps.instant(rs, "at"),
                        SecurityEventKind.valueOf(rs.getString("kind")),
                        rs.getString("username"),
                        rs.getString("address"),
                        rs.getString("detail")))
                .list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
