package dev.firebreak.escalation;

/**
 * The runbook a policy was made from and whether it still follows it.
 *
 * @param runbookVersion the runbook version last applied
 * @param synced true while the policy follows the runbook: nobody saved it by hand since the last sync
 * @param pendingVersion a later runbook version whose changed matrix was not applied (detached), or null
 */
public record PolicyOrigin(
        String policy,
        String runbookSlug,
        int runbookVersion,
        boolean synced,
        Integer pendingVersion,
        boolean runbookDeleted) {}
