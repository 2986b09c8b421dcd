package dev.firebreak.alert;

import java.time.Instant;
import java.util.List;

/**
 * What {@link Alerts#list} returns: every field is optional (null matches all).
 *
 * @param status firing or resolved only
 * @param text case-insensitive substring of any label or annotation value, or of the fingerprint
 * @param matchers label matchers that must all match ({@code severity="critical"}, {@code job=~"api.*"})
 * @param limit at most this many alerts, newest first (default and maximum 1000)
 * @param since only alerts received at or after this instant
 * @param before a page's cursor: only alerts with a smaller id (older), as {@link AlertPage#next()} gave
 */
public record AlertFilter(
        AlertStatus status, String text, List<AlertMatcher> matchers, Integer limit, Instant since, Long before) {
    public static final int MAX_LIMIT = 1000;

    public AlertFilter {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
    }

    public AlertFilter(AlertStatus status, String text, List<AlertMatcher> matchers, Integer limit, Instant since) {
        this(status, text, matchers, limit, since, null);
    }

    /** Whether text or label filters apply, which run over the rows rather than in SQL. */
    public boolean filtersRows() {
        return !matchers.isEmpty() || (text != null && !text.isBlank());
    }

    public static AlertFilter all() {
        return new AlertFilter(null, null, List.of(), null, null);
    }

    public static AlertFilter firing() {
        return new AlertFilter(AlertStatus.FIRING, null, List.of(), null, null);
    }

    public int effectiveLimit() {
        return limit == null || limit <= 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    /** Whether the alert passes the text and label filters (status and since are applied in SQL). */
    public boolean matches(Alert alert) {
        for (AlertMatcher matcher : matchers) {
            if (!matcher.matches(alert.labels())) {
                return false;
            }
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        return alert.fingerprint().contains(needle)
                || alert.labels().values().stream().anyMatch(v -> contains(v, needle))
                || alert.annotations().values().stream().anyMatch(v -> contains(v, needle));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }
}
