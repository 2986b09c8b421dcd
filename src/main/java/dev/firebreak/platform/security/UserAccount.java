package dev.firebreak.platform.security;

import java.time.Instant;

/** A person who can log in. The password hash never leaves {@link UserAccounts}. */
public record UserAccount(
        long id, String username, String displayName, String email, Role role, boolean enabled, Instant createdAt) {}
