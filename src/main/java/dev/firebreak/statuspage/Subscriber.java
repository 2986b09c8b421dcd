package dev.firebreak.statuspage;

import java.time.Instant;

/** Somebody who asked for a page's updates by email or webhook; pending until they confirm. */
public record Subscriber(
        long id,
        String publicId,
        long pageId,
        Kind kind,
        String address,
        State state,
        String unsubscribeToken,
        Instant createdAt,
        Instant confirmedAt,
        Instant lastRequestedAt) {

    public enum Kind {
        EMAIL,
        WEBHOOK
    }

    public enum State {
        PENDING,
        CONFIRMED,
        UNSUBSCRIBED
    }

    /** Names the receiver to notify: the label a webhook's signing secret is derived from. */
    public String label() {
        return "status-subscriber:" + publicId;
    }
}
