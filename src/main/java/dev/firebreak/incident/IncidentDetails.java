package dev.firebreak.incident;

import java.util.List;

/**
 * An incident with its alerts, its timeline (oldest first) and the severity scheme it uses.
 *
 * @param responseStatus met, missed, running (not acknowledged, target not passed) or none
 */
public record IncidentDetails(
        Incident incident,
        String responseStatus,
        List<IncidentAlert> alerts,
        List<TimelineEntry> timeline,
        List<Severity> scheme) {}
