package dev.firebreak.incident;

/** What a breakdown of cycles groups by. */
public enum CycleDimension {
    SERVICE,
    SEVERITY,
    TEAM,
    RUNBOOK
}
