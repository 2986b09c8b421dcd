package dev.firebreak.escalation;

/** An admin's answer to "who is the runbook's Primary?": a role name to a schedule, user or team. */
public record RoleMapping(String role, StepTarget target) {}
