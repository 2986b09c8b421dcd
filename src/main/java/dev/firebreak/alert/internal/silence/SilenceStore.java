package dev.firebreak.alert.internal.silence;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.alert.Silence;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The silences table; matchers are kept as a JSON list of Alertmanager matcher strings. */
@Repository
public class SilenceStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    SilenceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Silence insert(List<String> matchers, Instant startsAt, Instant endsAt, String by, String comment) {
        OffsetDateTime now = utc(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into silences (matchers, starts_at, ends_at, created_by, comment, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(JSON.writeValueAsString(matchers), utc(startsAt), utc(endsAt), by, comment, now, now)
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public List<Silence> list() {
        return jdbc.sql("select * from silences order by ends_at desc, id desc")
                .query(this::row)
                .list();
    }

    public List<Silence> active(Instant now) {
        return jdbc.sql("select * from silences where starts_at <= ? and ends_at > ?")
                .params(utc(now), utc(now))
                .query(this::row)
                .list();
    }

    public Optional<Silence> find(long id) {
        return jdbc.sql("select * from silences where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    public void end(long id, Instant endsAt) {
        jdbc.sql("update silences set ends_at = ?, updated_at = ? where id = ?")
                .params(utc(endsAt), utc(clock.instant()), id)
                .update();
    }

    private Silence row(ResultSet rs, int n) throws SQLException {
        Instant starts = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant ends = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        return new Silence(
                rs.getLong("id"),
                JSON.readValue(rs.getString("matchers"), new TypeReference<List<String>>() {}),
                starts,
                ends,
                rs.getString("created_by"),
                rs.getString("comment"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                Silence.stateAt(starts, ends, clock.instant()));
    }
}
