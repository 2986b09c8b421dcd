package dev.firebreak.runbook;

import java.time.Duration;
import java.time.Instant;

/**
 * A git repository whose runbooks are imported and kept in sync.
 *
 * @param path the folder inside the repository that holds the runbooks ("" for the root)
 * @param lastCommit the commit imported by the last successful sync, or null
 * @param lastError why the last sync failed, or null when it succeeded
 */
public record GitSource(
        long id,
        String url,
        String branch,
        String path,
        Duration pollInterval,
        String lastCommit,
        Instant lastSyncedAt,
        String lastError,
        Instant createdAt) {}
