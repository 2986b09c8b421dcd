package dev.firebreak.escalation.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.escalation.RoleMapping;
import dev.firebreak.escalation.StepTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role mappings keyed by the normalized role; the name as the admin wrote it is kept for display. */
@Repository
public class RoleMappingStore {
    private final JdbcClient jdbc;

    RoleMappingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(String key, String displayName, StepTarget target, String actor, Instant now) {
        int updated = jdbc.sql("update escalation_role_mappings set display_name = ?, target_kind = ?,"
                        + " target_name = ?, updated_at = ?, updated_by = ? where role = ?")
                .params(displayName, target.kind().name(), target.name(), utc(now), actor, key)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into escalation_role_mappings (role, display_name, target_kind, target_name,"
                            + " updated_at, updated_by) values (?, ?, ?, ?, ?, ?)")
                    .params(key, displayName, target.kind().name(), target.name(), utc(now), actor)
                    .update();
        }
    }

    public boolean remove(String key) {
        return jdbc.sql("delete from escalation_role_mappings where role = ?")
                        .param(key)
                        .update()
                == 1;
    }

    public Optional<RoleMapping> find(String key) {
        return jdbc.sql("select * from escalation_role_mappings where role = ?")
                .param(key)
                .query(RoleMappingStore::row)
                .optional();
    }

    public List<RoleMapping> list() {
        return jdbc.sql("select * from escalation_role_mappings order by role")
                .query(RoleMappingStore::row)
                .list();
    }

    private static RoleMapping row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RoleMapping(
                rs.getString("display_name"),
                new StepTarget(StepTarget.Kind.valueOf(rs.getString("target_kind")), rs.getString("target_name")));
    }
}
