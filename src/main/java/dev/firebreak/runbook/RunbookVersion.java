package dev.firebreak.runbook;

import java.time.Instant;

/**
 * One stored version of a runbook.
 *
 * @param contentHash hex SHA-256 of the raw Markdown bytes
 * @param source where it came from: {@code api}, {@code upload}, {@code import} or {@code
 *     git:<url>@<commit>}
 */
public record RunbookVersion(
        String slug, int version, String contentHash, String author, String source, Instant createdAt) {}
