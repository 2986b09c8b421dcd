package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException.BadInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times in requests: ISO-8601 instants ({@code 2026-01-31T12:00:00Z}) or offset date-times. */
final class ApiTimes {
    private ApiTimes() {}

    /** Null for a missing value. */
    static Instant optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInput(
                    field,
                    field + " is not an ISO-8601 time such as 2026-01-31T12:00:00Z or 2026-01-31T13:00:00+01:00: '"
                            + text + "'");
        }
    }

    static Instant required(String field, String text) {
        Instant value = optional(field, text);
        if (value == null) {
            throw new BadInput(field, field + " is required (an ISO-8601 time such as 2026-01-31T12:00:00Z)");
        }
        return value;
    }
}
