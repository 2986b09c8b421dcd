package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verification side of {@code notify_contact_status} (V18): the pending code's tries and how
 * many codes were asked for, and the audit of who verified a method and how.
 */
@Repository
public class VerificationStore {
    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pending code as stored, expired or not. */
    public record PendingCode(String codeHash, Instant expiresAt, int attempts, int requests, Instant sentAt) {}

    public record AuditEntry(
            long contactMethodId, String username, String action, String actor, Instant at, String detail) {}

    /** Locks the method's status row (it must exist) and reads its code. */
    public Optional<PendingCode> lock(long contactMethodId) {
        return jdbc.sql("select code_hash, code_expires_at, code_attempts, code_requests, code_sent_at"
                        + " from notify_contact_status where contact_method_id = ? for update")
                .param(contactMethodId)
                .query((rs, n) ->
                        new PendingCode(rs.getString(1), instant(rs, 2), rs.getInt(3), rs.getInt(4), instant(rs, 5)))
                .optional();
    }

    public Optional<PendingCode> find(long contactMethodId) {
        return jdbc.sql("select code_hash, code_expires_at, code_attempts, code_requests, code_sent_at"
                        + " from notify_contact_status where contact_method_id = ?")
                .param(contactMethodId)
                .query((rs, n) ->
                        new PendingCode(rs.getString(1), instant(rs, 2), rs.getInt(3), rs.getInt(4), instant(rs, 5)))
                .optional();
    }

    /** A new code was stored: its tries start again; returns the number of this request. */
    public int issued(long contactMethodId, Instant now) {
        jdbc.sql("update notify_contact_status set code_attempts = 0, code_requests = code_requests + 1,"
                        + " code_sent_at = ? where contact_method_id = ?")
                .params(utc(now), contactMethodId)
                .update();
        return jdbc.sql("select code_requests from notify_contact_status where contact_method_id = ?")
                .param(contactMethodId)
                .query(Integer.class)
                .single();
    }

    public void wrongCode(long contactMethodId) {
        jdbc.sql("update notify_contact_status set code_attempts = code_attempts + 1 where contact_method_id = ?")
                .param(contactMethodId)
                .update();
    }

    /** The code can no longer be used (too many wrong tries). */
    public void dropCode(long contactMethodId, Instant now) {
        jdbc.sql("update notify_contact_status set code_hash = null, code_expires_at = null, updated_at = ?"
                        + " where contact_method_id = ?")
                .params(utc(now), contactMethodId)
                .update();
    }

    public void audit(long contactMethodId, String username, String action, String actor, Instant now, String detail) {
        jdbc.sql("insert into notify_contact_audit (contact_method_id, username, action, actor, at, detail)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(contactMethodId, username, action, actor, utc(now), detail)
                .update();
    }

    public List<AuditEntry> audit(long contactMethodId) {
        return jdbc.sql("select * from notify_contact_audit where contact_method_id = ? order by id")
                .param(contactMethodId)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("contact_method_id"),
                        rs.getString("username"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        instant(rs, "at"),
                        rs.getString("detail")))
                .list();
    }
}
