package dev.firebreak.execution.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.execution.AuditAction;
import dev.firebreak.execution.AuditEntry;
import dev.firebreak.execution.AuditVerification;
import dev.firebreak.platform.storage.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution audit: append-only rows, each hashed over the previous hash and its own fields. The
 * head row is locked for each append, so nodes write one chain, and holds the last hash, so a row
 * deleted from the end is found too. Nothing in the product updates or deletes these rows.
 */
@Repository
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends in the caller's transaction: the entry commits with what it records, or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(
            Instant now, String actor, AuditAction action, Long runId, Long incidentId, String payload) {
        var head = jdbc.sql("select seq, hash from execution_audit_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = now.truncatedTo(ChronoUnit.MILLIS); // as both databases store it
        String hash = hash(prev, seq, at, actor, action, runId, incidentId, payload);
        jdbc.sql("insert into execution_audit (seq, at, actor, action, run_id, incident_id, payload, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, utc(at), actor, action.name(), runId, incidentId, payload, prev, hash)
                .update();
        jdbc.sql("update execution_audit_head set seq = ?, hash = ? where id = 1")
                .params(seq, hash)
                .update();
        return new AuditEntry(seq, at, actor, action, runId, incidentId, payload, prev, hash);
    }

    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("select * from execution_audit order by seq desc limit ?")
                .param(limit)
                .query(AuditLog::row)
                .list();
    }

    /** Walks the chain from the start; the first row that breaks it is reported. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        String prev = GENESIS;
        long expected = 1;
        long rows = 0;
        List<AuditEntry> entries = jdbc.sql("select * from execution_audit order by seq")
                .query(AuditLog::row)
                .list();
        for (AuditEntry e : entries) {
            rows++;
            if (e.seq() != expected) {
                return new AuditVerification(rows, false, expected, "entry " + expected + " is missing");
            }
            if (!e.prevHash().equals(prev)) {
                return new AuditVerification(
                        rows, false, e.seq(), "entry " + e.seq() + " does not follow the one before");
            }
            String recomputed =
                    hash(prev, e.seq(), e.at(), e.actor(), e.action(), e.runId(), e.incidentId(), e.payload());
            if (!recomputed.equals(e.hash())) {
                return new AuditVerification(rows, false, e.seq(), "entry " + e.seq() + " was changed");
            }
            prev = e.hash();
            expected++;
        }
        var head = jdbc.sql("select seq, hash from execution_audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        if ((long) head[0] != expected - 1 || !head[1].equals(prev)) {
            return new AuditVerification(
                    rows,
                    false,
                    expected,
                    "the log ends at entry " + (expected - 1) + " but " + head[0] + " were written");
        }
        return new AuditVerification(rows, true, null, null);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(
            String prev,
            long seq,
            Instant at,
            String actor,
            AuditAction action,
            Long runId,
            Long incidentId,
            String payload) {
        String text = String.join(
                "\n",
                prev,
                Long.toString(seq),
                Long.toString(at.toEpochMilli()),
                actor,
                action.name(),
                String.valueOf(runId),
                String.valueOf(incidentId),
                payload);
        return sha256(text);
    }

    private static AuditEntry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new AuditEntry(
                rs.getLong("seq"),
                Timestamps.instant(rs, "at"),
                rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")),
                runId,
                incidentId,
                rs.getString("payload"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
