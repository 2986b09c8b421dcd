package dev.firebreak.incident;

/** Somebody took the incident; escalation stops paging. */
public record IncidentAcknowledged(long incidentId, String by) {}
