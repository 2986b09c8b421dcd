package dev.firebreak.escalation;

/**
 * A runbook's policy after an admin asked to create it from the runbook.
 *
 * @param change what was done, or null when the policy already followed the runbook's matrix
 */
public record RunbookPolicy(StoredPolicy stored, RunbookSync.Kind change) {}
