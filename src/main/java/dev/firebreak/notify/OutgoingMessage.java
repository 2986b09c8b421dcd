package dev.firebreak.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt's input to a provider.
 *
 * @param key the idempotency key, the same on every attempt: receivers drop a repeat by it
 * @param attempt 1 for the first try
 * @param timeout the provider must give up by then; the core also stops waiting after it
 * @param createdAt when the message was written (webhook payloads carry it)
 * @param incidentId the incident, or null for a verification or test message
 */
public record OutgoingMessage(
        long id,
        String key,
        MessageKind kind,
        ChannelType channel,
        Destination destination,
        RenderedMessage content,
        Long incidentId,
        Urgency urgency,
        int attempt,
        Duration timeout,
        Instant createdAt) {}
