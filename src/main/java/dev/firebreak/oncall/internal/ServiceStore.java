package dev.firebreak.oncall.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.OwnedService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code services}, each with the name of its owning team joined in. */
@Repository
public class ServiceStore {
    private static final String SELECT = "select s.name, s.description, t.name as team, s.escalation_policy"
            + " from services s join teams t on t.id = s.team_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OwnedService> find(String name) {
        return jdbc.sql(SELECT + " where s.name = ?")
                .param(name)
                .query(OwnedService.class)
                .optional();
    }

    public List<OwnedService> list() {
        return jdbc.sql(SELECT + " order by s.name").query(OwnedService.class).list();
    }

    public List<String> namesOwnedBy(long teamId) {
        return jdbc.sql("select name from services where team_id = ? order by name")
                .param(teamId)
                .query(String.class)
                .list();
    }

    public void insert(String name, String description, long teamId, String policy) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("insert into services (name, description, team_id, escalation_policy, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(name, description, teamId, policy, now, now)
                .update();
    }

    public void update(String name, String description, long teamId, String policy) {
        jdbc.sql("update services set description = ?, team_id = ?, escalation_policy = ?, updated_at = ?"
                        + " where name = ?")
                .params(description, teamId, policy, utc(clock.instant()), name)
                .update();
    }

    public boolean delete(String name) {
        return jdbc.sql("delete from services where name = ?").param(name).update() > 0;
    }
}
