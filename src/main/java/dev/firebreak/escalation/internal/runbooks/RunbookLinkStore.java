package dev.firebreak.escalation.internal.runbooks;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.escalation.RunbookSync;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which policy follows which runbook ({@code escalation_runbook_links}) and the sync audit. */
@Repository
public class RunbookLinkStore {
    /** A runbook's policy as the last sync left it. */
    public record Link(
            String runbookSlug,
            String policy,
            String matrixHash,
            String matrixSummary,
            int runbookVersion,
            int policyVersion,
            Integer pendingVersion,
            Instant runbookDeletedAt) {}

    private final JdbcClient jdbc;

    RunbookLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The link, locked until the transaction ends, so two nodes syncing one runbook take turns. */
    Optional<Link> lock(String slug) {
        return jdbc.sql("select * from escalation_runbook_links where runbook_slug = ? for update")
                .param(slug)
                .query(RunbookLinkStore::link)
                .optional();
    }

    public Optional<Link> find(String slug) {
        return jdbc.sql("select * from escalation_runbook_links where runbook_slug = ?")
                .param(slug)
                .query(RunbookLinkStore::link)
                .optional();
    }

    public Optional<Link> byPolicy(String policy) {
        return jdbc.sql("select * from escalation_runbook_links where policy = ?")
                .param(policy)
                .query(RunbookLinkStore::link)
                .optional();
    }

    public List<Link> list() {
        return jdbc.sql("select * from escalation_runbook_links order by runbook_slug")
                .query(RunbookLinkStore::link)
                .list();
    }

    /** Inserts the link, or replaces it; a concurrent first insert fails on the key and is retried. */
    void save(Link link, Instant now) {
        int updated = jdbc.sql("update escalation_runbook_links set policy = ?, matrix_hash = ?, matrix_summary = ?,"
                        + " runbook_version = ?, policy_version = ?, pending_version = ?, runbook_deleted_at = ?,"
                        + " updated_at = ? where runbook_slug = ?")
                .params(
                        link.policy(),
                        link.matrixHash(),
                        PolicySummary.clipped(link.matrixSummary()),
                        link.runbookVersion(),
                        link.policyVersion(),
                        link.pendingVersion(),
                        utc(link.runbookDeletedAt()),
                        utc(now),
                        link.runbookSlug())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into escalation_runbook_links (runbook_slug, policy, matrix_hash, matrix_summary,"
                            + " runbook_version, policy_version, pending_version, runbook_deleted_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            link.runbookSlug(),
                            link.policy(),
                            link.matrixHash(),
                            PolicySummary.clipped(link.matrixSummary()),
                            link.runbookVersion(),
                            link.policyVersion(),
                            link.pendingVersion(),
                            utc(link.runbookDeletedAt()),
                            utc(now))
                    .update();
        }
    }

    void audit(RunbookSync entry) {
        jdbc.sql("insert into escalation_runbook_syncs (policy, runbook_slug, runbook_version, kind, actor, cause,"
                        + " before_summary, after_summary, synced_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entry.policy(),
                        entry.runbookSlug(),
                        entry.runbookVersion(),
                        entry.kind().name(),
                        clip(entry.actor(), 200),
                        clip(entry.cause(), 500),
                        PolicySummary.clipped(entry.before()),
                        PolicySummary.clipped(entry.after()),
                        utc(entry.at()))
                .update();
    }

    /** Newest first. */
    public List<RunbookSync> history(String policy, int limit) {
        return jdbc.sql("select * from escalation_runbook_syncs where policy = ? order by id desc"
                        + " fetch first ? rows only")
                .params(policy, limit)
                .query((rs, n) -> new RunbookSync(
                        rs.getString("policy"),
                        rs.getString("runbook_slug"),
                        (Integer) rs.getObject("runbook_version", Integer.class),
                        RunbookSync.Kind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        rs.getString("cause"),
                        rs.getString("before_summary"),
                        rs.getString("after_summary"),
                        instant(rs, "synced_at")))
                .list();
    }

    private static Link link(ResultSet rs, int n) throws SQLException {
        return new Link(
                rs.getString("runbook_slug"),
                rs.getString("policy"),
                rs.getString("matrix_hash"),
                rs.getString("matrix_summary"),
                rs.getInt("runbook_version"),
                rs.getInt("policy_version"),
                rs.getObject("pending_version", Integer.class),
                instant(rs, "runbook_deleted_at"));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
