package dev.firebreak.alert.internal.changes;

import java.time.Instant;

/**
 * A valid change event, ready to store.
 *
 * @param customDetailsJson the sender's custom_details object as JSON ({@code {}} without one)
 * @param linksJson the links as a JSON array of {@code {href, text}}
 */
public record ChangeWrite(
        long integrationId,
        String summary,
        String source,
        String service,
        Instant timestamp,
        Instant receivedAt,
        String customDetailsJson,
        String linksJson) {}
