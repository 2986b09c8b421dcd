package dev.firebreak.analytics;

/**
 * One line of a breakdown: a service, severity, team or runbook ({@code key} null for none) and
 * where to see its incidents ({@code link}, null when the incident list cannot filter by it).
 */
public record AnalyticsRow(String key, String link, AnalyticsNumbers numbers) {}
