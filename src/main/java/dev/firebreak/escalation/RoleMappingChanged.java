package dev.firebreak.escalation;

/** An admin mapped a role to a target, or removed the mapping ({@code target} null). */
public record RoleMappingChanged(String role, StepTarget target, String by) {}
