package dev.firebreak.escalation;

/**
 * Who a step pages. {@code ROLE} is a name from a runbook's escalation path ("Primary",
 * "Manager"), mapped once by an admin to a schedule, a user or a team ({@link RoleMapping}).
 */
public record StepTarget(Kind kind, String name) {
    public enum Kind {
        USER,
        SCHEDULE,
        TEAM,
        ROLE
    }
}
