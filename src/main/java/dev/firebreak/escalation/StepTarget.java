package dev.firebreak.escalation;

/**
 * Who a step pages. {@code ROLE} is a name from a runbook's escalation path ("Primary",
 * "Manager"), mapped once by an admin to a schedule, a user or a team ({@link RoleMapping}).
 * {@code POLICY} pages whom another policy's first step pages; a policy that reaches itself this
 * way is rejected.
 */
public record StepTarget(Kind kind, String name) {
    public enum Kind {
        USER,
        SCHEDULE,
        TEAM,
        ROLE,
        POLICY
    }
}
