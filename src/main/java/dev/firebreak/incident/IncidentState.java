package dev.firebreak.incident;

/** Triggered until somebody acknowledges; resolved when its alerts resolve or a person says so. */
public enum IncidentState {
    TRIGGERED,
    ACKNOWLEDGED,
    RESOLVED
}
