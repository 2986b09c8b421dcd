package dev.firebreak.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A durable hand-off not completed yet: an event one listener has still to handle.
 *
 * @param status PUBLISHED (waiting for its listener), PROCESSING, FAILED (retried with backoff) or
 *     RESUBMITTED (a retry is running)
 * @param attempts failed attempts so far
 * @param event the start of the serialized event, for people
 */
public record HandOff(
        UUID id,
        String listener,
        String eventType,
        String status,
        int attempts,
        Instant publishedAt,
        Instant lastRetryAt,
        String event) {}
