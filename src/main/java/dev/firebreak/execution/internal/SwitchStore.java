package dev.firebreak.execution.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.execution.ServiceExecution;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-service switches; a service without a row may not run anything. */
@Repository
public class SwitchStore {
    private final JdbcClient jdbc;

    SwitchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ServiceExecution> find(String service) {
        return jdbc.sql("select * from execution_services where service = ?")
                .param(service)
                .query(SwitchStore::row)
                .optional();
    }

    /** Locks the service's row: requests for one service are decided one at a time (rate limits hold). */
    public Optional<ServiceExecution> lock(String service) {
        return jdbc.sql("select * from execution_services where service = ? for update")
                .param(service)
                .query(SwitchStore::row)
                .optional();
    }

    public List<ServiceExecution> list() {
        return jdbc.sql("select * from execution_services order by service")
                .query(SwitchStore::row)
                .list();
    }

    public void put(String service, boolean enabled, boolean diagnostics, String actor, Instant now) {
        int updated = jdbc.sql("update execution_services set enabled = ?, diagnostics = ?, changed_by = ?,"
                        + " changed_at = ? where service = ?")
                .params(enabled, diagnostics, actor, utc(now), service)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into execution_services (service, enabled, diagnostics, changed_by, changed_at)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(service, enabled, diagnostics, actor, utc(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                throw new FirebreakException.Conflict("somebody changed this service at the same moment; try again");
            }
        }
    }

    private static ServiceExecution row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ServiceExecution(
                rs.getString("service"),
                rs.getBoolean("enabled"),
                rs.getBoolean("diagnostics"),
                rs.getString("changed_by"),
                Timestamps.instant(rs, "changed_at"));
    }
}
