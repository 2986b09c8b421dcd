package dev.firebreak.incident;

/**
 * A new incident (or a resolved one reopened), published in the transaction that opened it, for
 * plain listeners there; escalation starts paging from the transaction's {@link IncidentsOpened}.
 */
public record IncidentOpened(long incidentId, String title, String severity, boolean reopened) {}
