package dev.firebreak.incident;

/** A person asked for escalation; the escalation feature pages the next level. */
public record IncidentEscalated(long incidentId, String by, String reason) {}
