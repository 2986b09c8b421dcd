package dev.firebreak.incident;

/** The incident is over; postmortems and analytics start from here. */
public record IncidentResolved(long incidentId, String by) {}
