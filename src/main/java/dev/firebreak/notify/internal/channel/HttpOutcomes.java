package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An HTTP answer as a delivery outcome: 2xx sent; 408, 429 and 5xx worth retrying, after the
 * answer's {@code Retry-After}; 410 gone (the endpoint is disabled); any other 4xx permanent.
 */
final class HttpOutcomes {
    /** Characters of an answer kept in the ledger. */
    static final int ANSWER_LIMIT = 300;
    /** A Retry-After longer than this is read as this: the core's give-up time decides after it. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private HttpOutcomes() {}

    static DeliveryOutcome of(int status, Optional<String> retryAfter, String body, Instant now) {
        String answer = answer(body);
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Sent(status, answer, null);
        }
        if (status == 408 || status == 429 || status >= 500 || status < 200) {
            return new DeliveryOutcome.Temporary(status, answer, retryAfter(retryAfter, now));
        }
        if (status == 410) {
            return new DeliveryOutcome.Permanent(status, answer.isEmpty() ? "gone" : answer, true);
        }
        return new DeliveryOutcome.Permanent(status, answer, false);
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
    static Duration retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return null;
        }
        String value = header.get().strip();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                wait = MAX_RETRY_AFTER;
            }
        } else {
            try {
                wait = Duration.between(
                        now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    /** The answer on one line, cut to {@link #ANSWER_LIMIT}. */
    static String answer(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= ANSWER_LIMIT ? line : line.substring(0, ANSWER_LIMIT - 1) + "…";
    }
}
