package dev.firebreak.analytics.internal;

import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code since} and {@code until}: a span back from now ({@code 30d}, {@code 12h}, {@code 2w}) or a date or instant. */
public final class RangeParser {
    private static final Pattern SPAN = Pattern.compile("([0-9]{1,5})([mhdw])");

    private RangeParser() {}

    /** The instant the value names, counted back from {@code now}; {@code fallback} when blank. */
    public static Instant instant(String field, String value, Instant now, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip();
        Matcher span = SPAN.matcher(text);
        if (span.matches()) {
            long n = Long.parseLong(span.group(1));
            Duration back =
                    switch (span.group(2)) {
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(7 * n);
                    };
            return now.minus(back);
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput(
                    field,
                    field + " must be a span back from now such as 30d, 12h or 2w, a date (2026-11-01)"
                            + " or an instant (2026-11-01T09:00:00Z), not '" + printable(text) + "'");
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
