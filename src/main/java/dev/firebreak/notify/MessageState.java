package dev.firebreak.notify;

/** A message's place in the ledger; sending is claimed by one node at a time. */
public enum MessageState {
    /** Waiting for its time (its rule's delay, a retry's backoff, a throttle). */
    DUE,
    /** Claimed by a node that is sending it; after a crash it is sent again under the same key. */
    SENDING,
    /** The channel accepted it. */
    SENT,
    /** The channel confirmed it reached the person. */
    DELIVERED,
    /** Given up, with the reason: a permanent answer, a bad address, retries or the daily cap ran out. */
    FAILED,
    /** Not needed any more: the incident was acknowledged or resolved before it was due. */
    CANCELLED,
    /** Carried by another message to the same contact ({@code bundleId}) sent in a burst. */
    BUNDLED;

    public boolean finished() {
        return this != DUE && this != SENDING;
    }
}
