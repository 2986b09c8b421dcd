package dev.firebreak.escalation;

/**
 * Something about policies and the runbooks they follow that works but needs an admin. Findings
 * never block paging; they are worked out when asked for, so fixing the cause clears them.
 *
 * @param policy the policy concerned, or null
 * @param runbookSlug the runbook concerned, or null
 * @param role the role concerned ({@link Kind#UNMAPPED_ROLE}), or null
 */
public record EscalationFinding(Kind kind, String policy, String runbookSlug, String role, String message) {
    public enum Kind {
        /** A policy's step pages a role nobody mapped to a schedule, user or team: it pages nobody. */
        UNMAPPED_ROLE,
        /** The runbook's matrix changed since the policy was edited by hand; the policy kept its own steps. */
        DETACHED_MATRIX_CHANGED,
        /** The runbook no longer has an escalation matrix; the policy keeps its last steps. */
        MATRIX_REMOVED,
        /** The runbook a policy followed was deleted; the policy keeps its last steps. */
        RUNBOOK_DELETED,
        /** The policy made from a runbook was deleted by hand; the runbook's matrix makes no policy now. */
        POLICY_DELETED,
        /** A route names a policy that does not exist: its incidents page nobody by policy. */
        ROUTE_POLICY_MISSING
    }
}
