package dev.firebreak.notify.internal;

import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.Urgency;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.scheduling.TaskLanes;
import dev.firebreak.postmortem.ActionItemWentOverdue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminds the owner of an overdue action item through their first working contact method, low
 * urgency, in the transaction of the timer that found it overdue (one message per reminder).
 */
@Component
class ActionItemReminders {
    private final PeopleDirectory people;
    private final ContactStatusStore contacts;
    private final MessageStore messages;
    private final TaskLanes lanes;
    private final NotifyProperties properties;
    private final Clock clock;

    ActionItemReminders(
            PeopleDirectory people,
            ContactStatusStore contacts,
            MessageStore messages,
            TaskLanes lanes,
            NotifyProperties properties,
            Clock clock) {
        this.people = people;
        this.contacts = contacts;
        this.messages = messages;
        this.lanes = lanes;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(ActionItemWentOverdue overdue) {
        if (overdue.owner() == null) {
            return; // nobody owns it: the dashboard lists it
        }
        Optional<ContactMethod> method = people.contactMethods(overdue.owner()).stream()
                .filter(m -> MessageWriter.channelOf(m.kind()).isPresent() && contacts.works(m.id()))
                .findFirst();
        if (method.isEmpty()) {
            return;
        }
        Instant now = LedgerTime.now(clock);
        String subject = "Action item overdue: " + overdue.title();
        String body =
                "The action item \"" + overdue.title() + "\" of the postmortem of incident #" + overdue.incidentId()
                        + " was due " + overdue.dueAt() + ". Mark it done or move its date: "
                        + properties.url("/postmortems/" + overdue.postmortemId() + "#item-" + overdue.itemId());
        messages.insert(
                        new NewMessage(
                                "action-item:" + overdue.itemId() + ":" + now.getEpochSecond() / 3600,
                                MessageKind.ACTION_ITEM_REMINDER,
                                overdue.incidentId(),
                                null,
                                null,
                                overdue.owner(),
                                method.get().id(),
                                null,
                                MessageWriter.channelOf(method.get().kind()).orElseThrow(),
                                method.get().address(),
                                Urgency.LOW,
                                now,
                                subject,
                                body),
                        now)
                .ifPresent(id -> NotifyLane.schedule(lanes, id, now, now));
    }
}
