package dev.firebreak.incident;

/** Anything about an incident changed (alerts, state, severity, roles, notes); live pages refresh. */
public record IncidentChanged(long incidentId) {}
