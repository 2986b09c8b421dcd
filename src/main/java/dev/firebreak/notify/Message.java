package dev.firebreak.notify;

import java.time.Instant;
import java.util.List;

/**
 * A ledger row as the incident page, the API and the CLI show it.
 *
 * @param recipient the person (username) or the channel's name
 * @param address where it went, as the channel knows it (secrets never shown)
 * @param bundleId the message that carried this one, when {@code state} is BUNDLED
 * @param attemptLog every attempt, oldest first
 */
public record Message(
        long id,
        String key,
        MessageKind kind,
        Long incidentId,
        Long pageId,
        String recipient,
        ChannelType channel,
        String address,
        Urgency urgency,
        MessageState state,
        Instant dueAt,
        Instant createdAt,
        Instant sentAt,
        Instant deliveredAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Long bundleId,
        String subject,
        List<Attempt> attemptLog) {

    /** One try at sending: when, how long it took and what the channel answered. */
    public record Attempt(
            int number, Instant startedAt, long latencyMillis, Outcome outcome, Integer status, String answer) {}

    public enum Outcome {
        SENT,
        TEMPORARY,
        PERMANENT,
        TIMEOUT
    }
}
