package dev.firebreak.runbook.internal.library;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.runbook.LintStatus;
import dev.firebreak.runbook.RunbookVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code runbooks} and {@code runbook_versions}; callers own the transaction. */
@Repository
public class RunbookStore {
    private static final String VERSION_COLUMNS = "r.slug, v.version, v.content_hash, v.author, v.source, v.created_at";

    private final JdbcClient jdbc;

    RunbookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current state of a runbook row, as far as writes need it. */
    public record Head(long id, String slug, int version, String contentHash) {}

    /** The denormalized columns of the current version. */
    public record Current(
            String fileName,
            String title,
            String owner,
            String lastUpdated,
            String reviewSchedule,
            LintStatus lint,
            String source,
            Instant at) {}

    /**
     * One stored version with its content.
     *
     * @param stamp changes whenever the current version or its parsed model changes (for the index)
     */
    public record Stored(
            RunbookVersion version,
            String fileName,
            String lastUpdated,
            String reviewSchedule,
            String markdown,
            String modelJson,
            String stamp) {}

    /** What list() shows of each runbook. */
    public record Row(
            String slug,
            String title,
            String owner,
            int version,
            Instant updatedAt,
            String lastUpdated,
            String reviewSchedule,
            String source,
            LintStatus lint) {}

    /** Cheap change marker of the whole library, compared by nodes to notice others' writes. */
    public record Fingerprint(long count, Instant lastParse, long versionSum) {}

    public Optional<Head> lockHead(String slug) {
        return jdbc.sql("select id, slug, current_version, content_hash from runbooks where slug = ? for update")
                .param(slug)
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getInt("current_version"),
                        rs.getString("content_hash")))
                .optional();
    }

    public long insertRunbook(String slug, Current current, String hash) {
        jdbc.sql("insert into runbooks (slug, file_name, title, owner, current_version, content_hash, last_updated,"
                        + " review_schedule, lint_errors, lint_warnings, source, created_at, updated_at, parsed_at)"
                        + " values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        slug,
                        current.fileName(),
                        current.title(),
                        current.owner(),
                        hash,
                        current.lastUpdated(),
                        current.reviewSchedule(),
                        current.lint().errors(),
                        current.lint().warnings(),
                        current.source(),
                        utc(current.at()),
                        utc(current.at()),
                        utc(current.at()))
                .update();
        return jdbc.sql("select id from runbooks where slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    public void updateRunbook(long id, int version, Current current, String hash) {
        jdbc.sql("update runbooks set file_name = ?, title = ?, owner = ?, current_version = ?, content_hash = ?,"
                        + " last_updated = ?, review_schedule = ?, lint_errors = ?, lint_warnings = ?, source = ?,"
                        + " updated_at = ?, parsed_at = ? where id = ?")
                .params(
                        current.fileName(),
                        current.title(),
                        current.owner(),
                        version,
                        hash,
                        current.lastUpdated(),
                        current.reviewSchedule(),
                        current.lint().errors(),
                        current.lint().warnings(),
                        current.source(),
                        utc(current.at()),
                        utc(current.at()),
                        id)
                .update();
    }

    /** Replaces a version's model after a re-parse; the content and version stay as they are. */
    public void updateModel(long id, int version, RunbookStore.Current current, String modelJson) {
        jdbc.sql("update runbook_versions set model_json = ? where runbook_id = ? and version = ?")
                .params(modelJson, id, version)
                .update();
        jdbc.sql("update runbooks set title = ?, owner = ?, last_updated = ?, review_schedule = ?, lint_errors = ?,"
                        + " lint_warnings = ?, parsed_at = ? where id = ?")
                .params(
                        current.title(),
                        current.owner(),
                        current.lastUpdated(),
                        current.reviewSchedule(),
                        current.lint().errors(),
                        current.lint().warnings(),
                        utc(current.at()),
                        id)
                .update();
    }

    public void insertVersion(long runbookId, RunbookVersion version, String markdown, String modelJson) {
        jdbc.sql("insert into runbook_versions (runbook_id, version, content_hash, author, source, created_at,"
                        + " markdown, model_json) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        runbookId,
                        version.version(),
                        version.contentHash(),
                        version.author(),
                        version.source(),
                        utc(version.createdAt()),
                        markdown,
                        modelJson)
                .update();
    }

    /** A version with content; version 0 means the current one. */
    public Optional<Stored> find(String slug, int version) {
        String which = version == 0 ? "v.version = r.current_version" : "v.version = ?";
        var statement = jdbc.sql("select " + VERSION_COLUMNS + ", r.file_name, r.last_updated, r.review_schedule,"
                        + " r.current_version, r.parsed_at, v.markdown, v.model_json from runbooks r join runbook_versions v on v.runbook_id = r.id"
                        + " where r.slug = ? and " + which)
                .param(slug);
        if (version != 0) {
            statement = statement.param(version);
        }
        return statement
                .query((rs, n) -> new Stored(
                        version(rs),
                        rs.getString("file_name"),
                        rs.getString("last_updated"),
                        rs.getString("review_schedule"),
                        rs.getString("markdown"),
                        rs.getString("model_json"),
                        stamp(rs.getInt("current_version"), instant(rs, "parsed_at"))))
                .optional();
    }

    /** A version's metadata without its content. */
    public Optional<RunbookVersion> versionOf(String slug, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from runbooks r join runbook_versions v on v.runbook_id = r.id"
                        + " where r.slug = ? and v.version = ?")
                .params(slug, version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    public boolean exists(String slug) {
        return jdbc.sql("select count(*) from runbooks where slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<RunbookVersion> versions(String slug) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from runbooks r join runbook_versions v on v.runbook_id = r.id"
                        + " where r.slug = ? order by v.version")
                .param(slug)
                .query((rs, n) -> version(rs))
                .list();
    }

    public List<Row> list() {
        return jdbc.sql("select slug, title, owner, current_version, updated_at, last_updated, review_schedule, source,"
                        + " lint_errors, lint_warnings from runbooks order by slug")
                .query((rs, n) -> new Row(
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("owner"),
                        rs.getInt("current_version"),
                        instant(rs, "updated_at"),
                        rs.getString("last_updated"),
                        rs.getString("review_schedule"),
                        rs.getString("source"),
                        new LintStatus(rs.getInt("lint_errors"), rs.getInt("lint_warnings"))))
                .list();
    }

    /** slug -> stamp of every runbook's current version (see {@link Stored#stamp()}). */
    public Map<String, String> stamps() {
        Map<String, String> stamps = new HashMap<>();
        jdbc.sql("select slug, current_version, parsed_at from runbooks").query((RowCallbackHandler)
                rs -> stamps.put(rs.getString(1), stamp(rs.getInt(2), instant(rs, "parsed_at"))));
        return stamps;
    }

    private static String stamp(int version, Instant parsedAt) {
        return version + "@" + parsedAt.toEpochMilli();
    }

    public List<String> slugs() {
        return jdbc.sql("select slug from runbooks order by slug")
                .query(String.class)
                .list();
    }

    public boolean delete(String slug) {
        return jdbc.sql("delete from runbooks where slug = ?").param(slug).update() > 0;
    }

    public Fingerprint fingerprint() {
        return jdbc.sql("select count(*), max(parsed_at), coalesce(sum(current_version), 0) from runbooks")
                .query((rs, n) -> new Fingerprint(rs.getLong(1), instant(rs, 2), rs.getLong(3)))
                .single();
    }

    private static RunbookVersion version(ResultSet rs) throws SQLException {
        return new RunbookVersion(
                rs.getString("slug"),
                rs.getInt("version"),
                rs.getString("content_hash"),
                rs.getString("author"),
                rs.getString("source"),
                instant(rs, "created_at"));
    }
}
