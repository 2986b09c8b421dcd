package dev.firebreak.incident;

/** A new incident (or a resolved one reopened); escalation starts paging from here. */
public record IncidentOpened(long incidentId, String title, String severity, boolean reopened) {}
