package dev.firebreak.notify.internal;

import dev.firebreak.escalation.PagesPlaced;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.MessageKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plain (synchronous) listeners: each runs in the transaction that published its event, so a page's
 * messages commit with the page and an acknowledge cancels the pages still waiting with it.
 */
@Component
class NotifyListeners {
    private final MessageWriter writer;
    private final MessageStore messages;
    private final Incidents incidents;
    private final UpdateReminders reminders;

    NotifyListeners(MessageWriter writer, MessageStore messages, Incidents incidents, UpdateReminders reminders) {
        this.writer = writer;
        this.messages = messages;
        this.incidents = incidents;
        this.reminders = reminders;
    }

    @EventListener
    void on(PagesPlaced placed) {
        Incident incident = incidents.get(placed.incidentId());
        writer.pagesPlaced(placed, Urgencies.of(incident.severity()));
    }

    @EventListener
    void on(IncidentOpened opened) {
        Incident incident = incidents.get(opened.incidentId());
        writer.incidentChanged(incident, "triggered-" + (incident.reopenCount() + 1));
        reminders.opened(incident);
    }

    @EventListener
    void on(IncidentAcknowledged acknowledged) {
        messages.cancelPending(acknowledged.incidentId(), "acknowledged by " + acknowledged.by(), MessageKind.PAGE);
        Incident incident = incidents.get(acknowledged.incidentId());
        writer.incidentChanged(incident, "acknowledged-" + (incident.reopenCount() + 1));
    }

    @EventListener
    void on(IncidentResolved resolved) {
        messages.cancelPending(
                resolved.incidentId(), "resolved by " + resolved.by(), MessageKind.PAGE, MessageKind.UPDATE_REMINDER);
        Incident incident = incidents.get(resolved.incidentId());
        writer.incidentChanged(incident, "resolved-" + (incident.reopenCount() + 1));
    }
}
