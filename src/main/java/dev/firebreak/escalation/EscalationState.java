package dev.firebreak.escalation;

/** Where an incident's escalation stands in its current cycle. */
public enum EscalationState {
    /** Paging: the next step is due at {@code nextStepAt}. */
    ACTIVE,
    /** Somebody acknowledged; paging waits for the ack timeout, if the policy has one. */
    ACKNOWLEDGED,
    /** Every step and repeat paged and nobody acknowledged (or nobody was on call at any step). */
    EXHAUSTED,
    /** Resolved, or the policy went away. */
    STOPPED
}
