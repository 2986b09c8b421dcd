package dev.firebreak.statuspage;

import java.time.Instant;

/**
 * A status page. {@code slug} is its path ({@code /status/{slug}}); {@code publicId} its id in the
 * JSON; {@code url} where the public reaches it, if not under Firebreak's own base URL.
 */
public record StatusPage(
        long id,
        String publicId,
        String slug,
        String name,
        String url,
        String timeZone,
        Instant createdAt,
        Instant updatedAt) {}
