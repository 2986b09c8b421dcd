package dev.firebreak.alert;

/** Alertmanager's silence states: pending before startsAt, active until endsAt, then expired. */
public enum SilenceState {
    PENDING,
    ACTIVE,
    EXPIRED
}
