package dev.firebreak.execution;

/** Where a command run is: waiting for a gate, queued or running, or how it ended. */
public enum RunState {
    /** A destructive command waits for a second person's approval. */
    AWAITING_APPROVAL,
    /** Approved: the next start uses the approval, once, before it expires. */
    APPROVED,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    /** The node running it stopped; a command is never started again by itself. */
    INTERRUPTED,
    COULD_NOT_START,
    /** Nobody approved or used the approval in time. */
    EXPIRED;

    public boolean ended() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
