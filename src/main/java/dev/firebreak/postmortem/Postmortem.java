package dev.firebreak.postmortem;

import java.time.Instant;

/**
 * An incident's postmortem.
 *
 * @param markdown the text as its authors wrote it; rendered sanitized, never as raw HTML
 * @param version counts saves: an edit names the version it was made on, so none is lost silently
 */
public record Postmortem(
        long id,
        long incidentId,
        String title,
        PostmortemState state,
        String markdown,
        int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        Instant publishedAt) {}
