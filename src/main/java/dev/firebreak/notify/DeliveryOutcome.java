package dev.firebreak.notify;

import java.time.Duration;

/**
 * What one send came to. Providers classify, the core decides: a temporary failure is retried with
 * backoff (at least {@code retryAfter}), a permanent one moves on to the person's next rule or the
 * next escalation step at once (Alertmanager's retryable vs permanent errors).
 */
public sealed interface DeliveryOutcome {
    /** The status code, or null where the channel has none (SMTP answers are in {@code answer}). */
    Integer status();

    String answer();

    /** @param providerId the channel's own id for the message, if it gave one */
    record Sent(Integer status, String answer, String providerId) implements DeliveryOutcome {}

    /** Worth retrying: a timeout, a connection refused, 408, 429, 5xx. */
    record Temporary(Integer status, String answer, Duration retryAfter) implements DeliveryOutcome {}

    /** Not worth retrying: 4xx, a bad address. {@code disable}: the endpoint is gone (410). */
    record Permanent(Integer status, String answer, boolean disable) implements DeliveryOutcome {}
}
