package dev.firebreak.escalation;

import java.time.Instant;

/**
 * One entry of a runbook-backed policy's audit: what a sync (or an admin) did to it and why.
 *
 * @param runbookVersion the runbook version it followed, or null (the runbook is gone)
 * @param actor who: the author of the runbook version, or the admin who asked
 * @param cause what: "runbook disk-full v3 (import)", "created from runbook by an admin"
 * @param before the policy's tiers before, one line per tier, or null
 * @param after the policy's tiers after, or null
 */
public record RunbookSync(
        String policy,
        String runbookSlug,
        Integer runbookVersion,
        Kind kind,
        String actor,
        String cause,
        String before,
        String after,
        Instant at) {
    public enum Kind {
        /** A policy was made from the runbook's matrix. */
        CREATED,
        /** The runbook's matrix changed and the policy followed. */
        UPDATED,
        /** An admin made a detached (hand-edited or deleted) policy follow its runbook again. */
        REATTACHED,
        /** The matrix changed but the policy was edited by hand since the last sync, so it was kept. */
        SKIPPED_DETACHED,
        /** The runbook no longer has an escalation matrix; the policy was kept. */
        MATRIX_REMOVED,
        /** The runbook was deleted; the policy was kept. */
        RUNBOOK_DELETED,
        /** The matrix makes a policy that cannot be saved (the reason is the cause); nothing changed. */
        REJECTED,
        /** Somebody saved the policy by hand: it no longer follows its runbook. */
        DETACHED,
        /** Somebody deleted the policy; the runbook's matrix makes no policy until an admin asks. */
        POLICY_DELETED
    }
}
