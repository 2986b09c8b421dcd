package dev.firebreak.platform.security;

/** What the security audit trail records. */
public enum SecurityEventKind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** Refused without checking the password: too many recent failures for the account or address. */
    LOGIN_THROTTLED
}
