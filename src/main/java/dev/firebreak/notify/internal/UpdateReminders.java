package dev.firebreak.notify.internal;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reminds the incident commander (else whoever acknowledged) when an open incident has had no
 * update for its cadence. One timer per incident cycle ({@code notify-update-reminder}, instance
 * {@code <incident>-<cycle>}), staged when the incident opens and moved on each time it runs.
 */
@Component
class UpdateReminders {
    static final String TASK = "notify-update-reminder";
    // What counts as an update: a person's note, a state change, a severity change.
    private static final Set<TimelineKind> UPDATES =
            EnumSet.of(TimelineKind.NOTE, TimelineKind.STATE, TimelineKind.SEVERITY);

    private final Incidents incidents;
    private final UpdateCadence cadence;
    private final PeopleDirectory people;
    private final ContactStatusStore contacts;
    private final MessageStore messages;
    private final TaskLanes lanes;
    private final Clock clock;

    UpdateReminders(
            Incidents incidents,
            UpdateCadence cadence,
            PeopleDirectory people,
            ContactStatusStore contacts,
            MessageStore messages,
            TaskLanes lanes,
            Clock clock) {
        this.incidents = incidents;
        this.cadence = cadence;
        this.people = people;
        this.contacts = contacts;
        this.messages = messages;
        this.lanes = lanes;
        this.clock = clock;
    }

    /** In the transaction that opened the incident. */
    void opened(Incident incident) {
        cadence.of(incident).ifPresent(every -> lanes.client(NotifyLane.LANE)
                .scheduleIfNotExists(
                        new TaskInstance<Void>(TASK, incident.id() + "-" + (incident.reopenCount() + 1)),
                        LedgerTime.now(clock).plus(every)));
    }

    /** @return when to look again, or empty when the incident no longer owes updates */
    Optional<Instant> due(String instance) {
        int dash = instance.lastIndexOf('-');
        long id = Long.parseLong(instance.substring(0, dash));
        int cycle = Integer.parseInt(instance.substring(dash + 1));
        IncidentDetails details = incidents.details(id);
        Incident incident = details.incident();
        Optional<Duration> every = cadence.of(incident);
        if (incident.state() == IncidentState.RESOLVED || incident.reopenCount() + 1 != cycle || every.isEmpty()) {
            return Optional.empty();
        }
        Instant now = LedgerTime.now(clock);
        Instant last = details.timeline().stream()
                .filter(e -> UPDATES.contains(e.kind()))
                .map(TimelineEntry::at)
                .max(Instant::compareTo)
                .orElse(incident.openedAt());
        Instant dueAt = last.plus(every.get());
        if (dueAt.isAfter(now)) {
            return Optional.of(dueAt);
        }
        String owner = incident.commander() != null ? incident.commander() : incident.acknowledgedBy();
        if (owner != null) {
            remind(incident, owner, every.get(), last, now);
        }
        return Optional.of(now.plus(every.get()));
    }

    private void remind(Incident incident, String owner, Duration every, Instant last, Instant now) {
        Optional<ContactMethod> method = people.contactMethods(owner).stream()
                .filter(m -> MessageWriter.channelOf(m.kind()).isPresent() && contacts.works(m.id()))
                .findFirst();
        if (method.isEmpty()) {
            return;
        }
        String subject = "Update due: incident #" + incident.id() + " " + incident.title();
        String body = "Incident #" + incident.id() + " (" + incident.lowerState() + ") has had no update since " + last
                + "; updates are due every " + every.toMinutes() + " minutes. Post a note or change its state.";
        messages.insert(
                        new NewMessage(
                                "remind:" + incident.id() + ":"
                                        + now.getEpochSecond() / Math.max(60, every.toSeconds()),
                                MessageKind.UPDATE_REMINDER,
                                incident.id(),
                                null,
                                null,
                                owner,
                                method.get().id(),
                                null,
                                MessageWriter.channelOf(method.get().kind()).orElseThrow(),
                                method.get().address(),
                                Urgencies.of(incident.severity()),
                                now,
                                subject,
                                body),
                        now)
                .ifPresent(id -> NotifyLane.schedule(lanes, id, now, now));
    }
}
