package dev.firebreak.execution;

import java.time.Instant;

/**
 * Whether a service's incidents may run runbook commands (off until an admin turns it on), and whether
 * read-only diagnostics run by themselves when one opens.
 */
public record ServiceExecution(
        String service, boolean enabled, boolean diagnostics, String changedBy, Instant changedAt) {}
