package dev.firebreak.runbook.internal.git;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.runbook.GitSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The tables {@code git_sources} and {@code git_source_runbooks}. */
@Repository
public class GitSourceStore {
    private static final String COLUMNS =
            "id, url, branch, path, poll_seconds, last_commit, last_synced_at, last_error, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    GitSourceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public GitSource insert(String url, String branch, String path, Duration poll) {
        jdbc.sql("insert into git_sources (url, branch, path, poll_seconds, created_at) values (?, ?, ?, ?, ?)")
                .params(url, branch, path, (int) poll.toSeconds(), utc(clock.instant()))
                .update();
        return find(url, branch, path).orElseThrow();
    }

    public Optional<GitSource> find(String url, String branch, String path) {
        return jdbc.sql("select " + COLUMNS + " from git_sources where url = ? and branch = ? and path = ?")
                .params(url, branch, path)
                .query((rs, n) -> source(rs))
                .optional();
    }

    public Optional<GitSource> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from git_sources where id = ?")
                .param(id)
                .query((rs, n) -> source(rs))
                .optional();
    }

    public List<GitSource> list() {
        return jdbc.sql("select " + COLUMNS + " from git_sources order by id")
                .query((rs, n) -> source(rs))
                .list();
    }

    public void delete(long id) {
        jdbc.sql("delete from git_sources where id = ?").param(id).update();
    }

    /**
     * Takes the source's lease if nobody holds it (or theirs ran out). A conditional update works
     * the same on H2 and PostgreSQL and, unlike a row lock, needs no transaction open while a
     * clone runs.
     */
    boolean lease(long id, String owner, Duration length) {
        Instant now = clock.instant();
        return jdbc.sql("update git_sources set lease_owner = ?, lease_until = ? where id = ?"
                                + " and (lease_until is null or lease_until < ? or lease_owner = ?)")
                        .params(owner, utc(now.plus(length)), id, utc(now), owner)
                        .update()
                == 1;
    }

    void release(long id, String owner) {
        jdbc.sql("update git_sources set lease_owner = null, lease_until = null where id = ? and lease_owner = ?")
                .params(id, owner)
                .update();
    }

    void recordSuccess(long id, String commit) {
        jdbc.sql("update git_sources set last_commit = ?, last_synced_at = ?, last_error = null where id = ?")
                .params(commit, utc(clock.instant()), id)
                .update();
    }

    void recordFailure(long id, String error) {
        String clipped = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbc.sql("update git_sources set last_synced_at = ?, last_error = ? where id = ?")
                .params(utc(clock.instant()), clipped, id)
                .update();
    }

    List<String> slugs(long id) {
        return jdbc.sql("select slug from git_source_runbooks where source_id = ? order by slug")
                .param(id)
                .query(String.class)
                .list();
    }

    @Transactional
    void replaceSlugs(long id, Collection<String> slugs) {
        jdbc.sql("delete from git_source_runbooks where source_id = ?")
                .param(id)
                .update();
        for (String slug : slugs) {
            jdbc.sql("insert into git_source_runbooks (source_id, slug) values (?, ?)")
                    .params(id, slug)
                    .update();
        }
    }

    private static GitSource source(ResultSet rs) throws SQLException {
        return new GitSource(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("branch"),
                rs.getString("path"),
                Duration.ofSeconds(rs.getInt("poll_seconds")),
                rs.getString("last_commit"),
                instant(rs, "last_synced_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"));
    }
}
