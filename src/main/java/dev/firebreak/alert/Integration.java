package dev.firebreak.alert;

import java.time.Instant;

/**
 * A sender of alerts and its settings; its secret key is shown once and stored only as a hash.
 *
 * @param keyPrefix the first characters of the key, to tell keys apart
 * @param ratePerSecond requests per second it may send on average
 * @param burst requests it may send at once
 * @param mapping the generic webhook's mapping, or null for other types
 */
public record Integration(
        long id,
        String name,
        IntegrationType type,
        String keyPrefix,
        boolean enabled,
        int ratePerSecond,
        int burst,
        GenericMapping mapping,
        Instant createdAt) {}
