package dev.firebreak.alert;

/** An alert fires until its sender resolves it, its endsAt passes, or it is not refreshed in time. */
public enum AlertStatus {
    FIRING,
    RESOLVED
}
