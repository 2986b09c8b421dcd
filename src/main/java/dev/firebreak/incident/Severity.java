package dev.firebreak.incident;

/**
 * An incident's severity as its scheme names it (the runbook's levels, else the built-in P1..P4).
 *
 * @param name the level as written, e.g. {@code P1} or {@code SEV-2}
 * @param label the level's label, e.g. {@code Critical}, or null
 * @param responseTarget the response target as written, e.g. {@code 15 minutes}, or null
 * @param responseTargetSeconds the response target in seconds, or null when it is not a time span
 */
public record Severity(String name, String label, String responseTarget, Long responseTargetSeconds) {}
