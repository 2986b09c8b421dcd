package dev.firebreak.execution;

/** What an execution audit entry records. */
public enum AuditAction {
    REQUESTED,
    APPROVED,
    STARTED,
    FINISHED,
    EXPIRED,
    ENABLED,
    DISABLED
}
