package dev.firebreak.analytics;

import java.time.Instant;

/**
 * What a report covers: cycles opened in {@code [from, to)}, optionally of one service, severity
 * or team. {@code since} is the range as asked ({@code 30d}), for links and exports.
 */
public record AnalyticsFilter(Instant from, Instant to, String since, String service, String severity, String team) {}
