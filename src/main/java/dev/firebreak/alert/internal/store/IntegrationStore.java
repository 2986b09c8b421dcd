package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.GenericMapping;
import dev.firebreak.alert.Integration;
import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.internal.intake.GenericMappings;
import dev.firebreak.platform.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The integrations table. */
@Repository
public class IntegrationStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    IntegrationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(
            String name,
            IntegrationType type,
            String keyHash,
            String keyPrefix,
            int ratePerSecond,
            int burst,
            GenericMapping mapping,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into integrations (name, type, key_hash, key_prefix, enabled, rate_per_second, rate_burst,"
                        + " mapping_json, created_at) values (?, ?, ?, ?, true, ?, ?, ?, ?)")
                .params(
                        name,
                        type.name(),
                        keyHash,
                        keyPrefix,
                        ratePerSecond,
                        burst,
                        mapping == null ? null : GenericMappings.write(json, mapping),
                        Timestamps.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from integrations where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<Integration> list() {
        return jdbc.sql("select * from integrations order by name")
                .query(this::integration)
                .list();
    }

    public Optional<Integration> find(long id) {
        return jdbc.sql("select * from integrations where id = ?")
                .param(id)
                .query(this::integration)
                .optional();
    }

    public Optional<Integration> findByKeyHash(String hash) {
        return jdbc.sql("select * from integrations where key_hash = ?")
                .param(hash)
                .query(this::integration)
                .optional();
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from integrations where id = ?").param(id).update() > 0;
    }

    public boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("update integrations set enabled = ? where id = ?")
                        .params(enabled, id)
                        .update()
                > 0;
    }

    private Integration integration(ResultSet rs, int row) throws SQLException {
        String mapping = rs.getString("mapping_json");
        return new Integration(
                rs.getLong("id"),
                rs.getString("name"),
                IntegrationType.valueOf(rs.getString("type")),
                rs.getString("key_prefix"),
                rs.getBoolean("enabled"),
                rs.getInt("rate_per_second"),
                rs.getInt("rate_burst"),
                mapping == null ? null : GenericMappings.parse(json, mapping),
                Timestamps.instant(rs, "created_at"));
    }
}
