package dev.firebreak.platform.security;

import java.time.Instant;

/** A personal API token as listed to its owner: never the secret itself, only its prefix. */
public record ApiToken(
        long id,
        long userId,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
