package dev.firebreak.incident;

import java.util.List;

/**
 * An incident with its alerts, its timeline (oldest first) and the severity scheme it uses.
 *
 * @param responseStatus met, missed, running (not acknowledged, target not passed) or none
 * @param cycles every trigger-to-resolve cycle, oldest first (a reopen adds one)
 */
public record IncidentDetails(
        Incident incident,
        String responseStatus,
        List<IncidentAlert> alerts,
        List<TimelineEntry> timeline,
        List<Severity> scheme,
        List<IncidentCycle> cycles) {

    /** Why the incident's runbook was attached (the match, the route, a person), or null. */
    public String runbookReason() {
        for (TimelineEntry entry : timeline.reversed()) {
            if (entry.detail() instanceof TimelineDetail.RunbookAttached attached
                    && attached.slug().equals(incident.runbookSlug())) {
                return attached.reason();
            }
        }
        return null;
    }
}
