package dev.firebreak.platform.security;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.storage.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which an invited person sets their own password, as PagerDuty and Grafana
 * invite people: the admin never knows it. A new link replaces the person's older ones.
 */
@Service
public class UserInvitations {
    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofDays(7);

    private static final String INVALID = "this invitation link is not valid: it was used, replaced by a newer one or"
            + " has expired; ask an admin to send a new one";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserInvitations(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A link's secret, given once, and until when it works. */
    public record Invitation(String username, String token, Instant expiresAt) {}

    @Transactional
    public Invitation issue(String username) {
        accounts.find(username).orElseThrow(() -> new FirebreakException.NotFound("no user '" + username + "'"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        withdraw(jdbc, username);
        jdbc.sql("insert into user_invitations (token_hash, username, created_at, expires_at) values (?, ?, ?, ?)")
                .params(ApiTokens.hash(token), username, utc(now), utc(expires))
                .update();
        return new Invitation(username, token, expires);
    }

    /** Ends the person's open link, if any: a new one replaces it, and disabling the person cancels it. */
    static void withdraw(JdbcClient jdbc, String username) {
        jdbc.sql("delete from user_invitations where username = ? and used_at is null")
                .param(username)
                .update();
    }

    /** Who the link invites; refused when it was used, replaced or has expired. */
    public String usernameFor(String token) {
        Link link = jdbc.sql("select username, expires_at, used_at from user_invitations where token_hash = ?")
                .param(ApiTokens.hash(token == null ? "" : token))
                .query((rs, n) -> new Link(
                        rs.getString("username"),
                        Timestamps.instant(rs, "expires_at"),
                        Timestamps.instant(rs, "used_at")))
                .optional()
                .orElseThrow(() -> new FirebreakException.NotFound(INVALID));
        if (link.usedAt() != null || !clock.instant().isBefore(link.expiresAt())) {
            throw new FirebreakException.NotFound(INVALID);
        }
        return link.username();
    }

    private record Link(String username, Instant expiresAt, Instant usedAt) {}

    /** Sets the invited person's password and spends the link; a refused password leaves the link usable. */
    @Transactional
    public String accept(String token, String password, String confirm) {
        String username = usernameFor(token);
        if (password == null || !password.equals(confirm)) {
            throw new FirebreakException.BadInput("confirmPassword", "the two passwords do not match");
        }
        accounts.resetPassword(username, password);
        int spent = jdbc.sql("update user_invitations set used_at = ? where token_hash = ? and used_at is null")
                .params(utc(clock.instant()), ApiTokens.hash(token))
                .update();
        if (spent != 1) {
            throw new FirebreakException.NotFound(INVALID); // the same link, accepted twice at once
        }
        return username;
    }

    /** Open invitations by username, with when each link expires. */
    public Map<String, Instant> pending() {
        Map<String, Instant> out = new HashMap<>();
        jdbc.sql("select username, expires_at from user_invitations where used_at is null and expires_at > ?")
                .param(utc(clock.instant()))
                .query(rs -> {
                    out.put(rs.getString("username"), Timestamps.instant(rs, "expires_at"));
                });
        return out;
    }
}
