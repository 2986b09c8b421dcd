package dev.firebreak.notify.internal;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.internal.render.Facts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a message can say about its incident when it is sent: the values placeholders take. */
final class IncidentFacts {
    private IncidentFacts() {}

    static Facts of(IncidentDetails details, MessageRow message, String url, Instant now) {
        Incident incident = details.incident();
        IncidentState previous = null;
        String update = null;
        for (TimelineEntry entry : details.timeline()) {
            if (entry.detail() instanceof TimelineDetail.StateChange change) {
                previous = change.to() == incident.state() ? change.from() : previous;
                update = entry.text() + " by " + entry.actor();
            } else if (entry.detail() instanceof TimelineDetail.Note) {
                update = entry.text();
            }
        }
        String responder = message.kind() == MessageKind.PAGE && message.username() != null
                ? message.username()
                : incident.acknowledgedBy() != null ? incident.acknowledgedBy() : incident.resolvedBy();
        return new Facts(
                incident.id(),
                incident.title(),
                incident.severity() == null ? null : incident.severity().name(),
                incident.state(),
                previous,
                incident.service(),
                incident.runbookSlug(),
                url,
                incident.openedAt(),
                incident.resolvedAt(),
                now,
                responder,
                incident.commander(),
                incident.communicationsLead(),
                impact(details.alerts()),
                update);
    }

    /** An alert's own word for the impact, when its rule gave one. */
    private static String impact(List<IncidentAlert> alerts) {
        for (IncidentAlert alert : alerts) {
            for (Map.Entry<String, String> e : alert.annotations().entrySet()) {
                String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if ((key.equals("impact") || key.equals("user_impact") || key.equals("customer_impact"))
                        && e.getValue() != null
                        && !e.getValue().isBlank()) {
                    return e.getValue().strip();
                }
            }
        }
        return null;
    }
}
