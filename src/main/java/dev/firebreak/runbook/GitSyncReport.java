package dev.firebreak.runbook;

import java.util.List;

/**
 * What one sync of a git source did.
 *
 * @param skipped true when the branch had not moved since the last sync, so nothing was imported
 * @param errors one line per file that could not be imported ("path: reason")
 */
public record GitSyncReport(
        long sourceId,
        String commit,
        boolean skipped,
        List<String> created,
        List<String> updated,
        int unchanged,
        List<String> removed,
        List<String> errors) {}
