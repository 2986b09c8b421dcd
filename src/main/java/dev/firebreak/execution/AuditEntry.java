package dev.firebreak.execution;

import java.time.Instant;

/** One entry of the execution audit: who did what to which run, chained to the one before. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        AuditAction action,
        Long runId,
        Long incidentId,
        String payload,
        String prevHash,
        String hash) {}
