package dev.firebreak.incident;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in an incident, with who and when.
 *
 * @param kind alert, state, note, role, severity, runbook, escalation, page or run
 * @param data details for machines (alert ids, old and new values), possibly empty
 */
public record TimelineEntry(long id, Instant at, String actor, String kind, String text, Map<String, Object> data) {}
