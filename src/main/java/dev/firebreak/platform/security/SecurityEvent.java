package dev.firebreak.platform.security;

import java.time.Instant;

/** One line of the security audit trail; {@code username} is as typed, which may be nobody's. */
public record SecurityEvent(
        long id, Instant at, SecurityEventKind kind, String username, String address, String detail) {}
