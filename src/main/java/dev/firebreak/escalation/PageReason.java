package dev.firebreak.escalation;

/** Why a page was written. */
public enum PageReason {
    /** The policy's next step came due (or its first, when the incident opened). */
    STEP,
    /** A person pressed Escalate. */
    ESCALATE_NOW,
    /** An acknowledged incident was left alone past the policy's ack timeout. */
    ACK_TIMEOUT,
    /** The steps ran out and the policy goes round again. */
    REPEAT
}
