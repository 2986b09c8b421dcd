package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a contact method works: verified by its owner (a code from a test message, or an admin)
 * and not found gone by its channel. Unverified methods are not paged, as in GoAlert.
 */
@Repository
public class ContactStatusStore {
    private final JdbcClient jdbc;

    ContactStatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Status(long contactMethodId, String username, Instant verifiedAt, String disabledReason) {
        public boolean works() {
            return verifiedAt != null && disabledReason == null;
        }
    }

    public Optional<Status> find(long contactMethodId) {
        return jdbc.sql("select * from notify_contact_status where contact_method_id = ?")
                .param(contactMethodId)
                .query((rs, n) -> new Status(
                        rs.getLong("contact_method_id"),
                        rs.getString("username"),
                        instant(rs, "verified_at"),
                        rs.getString("disabled_reason")))
                .optional();
    }

    /** Serializes claims to one contact method; nothing when it has no status row. */
    void lock(long contactMethodId) {
        jdbc.sql("select contact_method_id from notify_contact_status where contact_method_id = ? for update")
                .param(contactMethodId)
                .query(Long.class)
                .optional();
    }

    public boolean works(long contactMethodId) {
        return find(contactMethodId).map(Status::works).orElse(false);
    }

    /** Marks the method verified (its owner confirmed the code, or an admin vouched for it). */
    public void verified(long contactMethodId, String username, Instant now) {
        ensure(contactMethodId, username, now);
        jdbc.sql("update notify_contact_status set verified_at = ?, disabled_reason = null, code_hash = null,"
                        + " code_expires_at = null, updated_at = ? where contact_method_id = ?")
                .params(utc(now), utc(now), contactMethodId)
                .update();
    }

    /** The channel said the address is gone (a 410, a rejected mailbox): no more pages to it. */
    public void disabled(long contactMethodId, String username, String reason, Instant now) {
        ensure(contactMethodId, username, now);
        jdbc.sql("update notify_contact_status set disabled_reason = ?, updated_at = ? where contact_method_id = ?")
                .params(reason, utc(now), contactMethodId)
                .update();
    }

    public void code(long contactMethodId, String username, String codeHash, Instant expiresAt, Instant now) {
        ensure(contactMethodId, username, now);
        jdbc.sql("update notify_contact_status set code_hash = ?, code_expires_at = ?, updated_at = ?"
                        + " where contact_method_id = ?")
                .params(codeHash, utc(expiresAt), utc(now), contactMethodId)
                .update();
    }

    public Optional<String> codeHash(long contactMethodId, Instant now) {
        return jdbc.sql("select code_hash from notify_contact_status where contact_method_id = ?"
                        + " and code_expires_at > ?")
                .params(contactMethodId, utc(now))
                .query(String.class)
                .optional();
    }

    private void ensure(long contactMethodId, String username, Instant now) {
        int found = jdbc.sql("select count(*) from notify_contact_status where contact_method_id = ?")
                .param(contactMethodId)
                .query(Integer.class)
                .single();
        if (found == 0) {
            jdbc.sql("insert into notify_contact_status (contact_method_id, username, updated_at) values (?, ?, ?)")
                    .params(contactMethodId, username, utc(now))
                    .update();
        }
    }
}
