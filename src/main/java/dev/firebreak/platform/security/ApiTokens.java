package dev.firebreak.platform.security;

import static dev.firebreak.platform.storage.Timestamps.instant;
import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.platform.FirebreakException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits shown once at creation, stored only as a SHA-256 hash, sent
 * back as {@code Authorization: Bearer fbk_...}.
 */
@Service
public class ApiTokens {
    static final String PREFIX = "fbk_";
    /** Writing last_used_at on every request would turn reads into writes; once a minute is enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new token and its one-time secret. */
    public record Issued(ApiToken token, String secret) {}

    @Transactional
    public Issued create(long userId, String name, Duration ttl) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 200) {
            throw new FirebreakException.BadInput("name", "token name must be at most 200 characters");
        }
        Duration lifetime = ttl != null ? ttl : properties.tokenTtl();
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw new FirebreakException.BadInput("expiresIn", "token lifetime must be positive");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = lifetime == null ? null : now.plus(lifetime);
        jdbc.sql("insert into api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(userId, label, hash(secret), secret.substring(0, 10), utc(now), utc(expires))
                .update();
        ApiToken token = jdbc.sql("select * from api_tokens where token_hash = ?")
                .param(hash(secret))
                .query(ApiTokens::token)
                .single();
        return new Issued(token, secret);
    }

    public List<ApiToken> list(long userId) {
        return jdbc.sql("select * from api_tokens where user_id = ? order by created_at desc, id desc")
                .param(userId)
                .query(ApiTokens::token)
                .list();
    }

    /** Revokes one of the user's tokens; revoking twice is harmless. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        int found = jdbc.sql("update api_tokens set revoked_at = coalesce(revoked_at, ?) where id = ? and user_id = ?")
                .params(utc(clock.instant()), tokenId, userId)
                .update();
        if (found == 0) {
            throw new FirebreakException.NotFound("no token " + tokenId);
        }
    }

    /**
     * The secret an Authorization header carries: {@code Bearer SECRET}, or the password of {@code
     * Basic base64(user:SECRET)} (what tools that only offer basic auth send); null for neither.
     */
    public static String credential(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair =
                        new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether a credential is shaped as a user's API token (not an integration key). */
    public static boolean isToken(String secret) {
        return secret != null && secret.startsWith(PREFIX);
    }

    /** The owner of an active token, or empty for an unknown, expired or revoked one. */
    @Transactional
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = jdbc.sql("select * from api_tokens where token_hash = ?")
                .param(hash(secret))
                .query(ApiTokens::token)
                .optional()
                .filter(t -> t.active(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = token.get();
        if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                    .params(utc(now), t.id())
                    .update();
        }
        return jdbc.sql("select * from users where id = ? and enabled = true")
                .param(t.userId())
                .query(UserAccounts::account)
                .optional();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }
}
