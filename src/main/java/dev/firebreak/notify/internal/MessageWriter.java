package dev.firebreak.notify.internal;

import dev.firebreak.escalation.Page;
import dev.firebreak.escalation.PagesPlaced;
import dev.firebreak.incident.Incident;
import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotificationRule;
import dev.firebreak.notify.NotifyChannel;
import dev.firebreak.notify.Urgency;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes ledger rows and stages their sends, always in the caller's transaction: the escalation
 * advance that paged, the incident change that a channel hears about.
 */
@Component
public class MessageWriter {
    // When a person set no rules: their contact methods in their order, a minute apart.
    private static final Duration DEFAULT_GAP = Duration.ofMinutes(1);
    static final ChannelType NONE = new ChannelType("none");

    private final MessageStore messages;
    private final RuleStore rules;
    private final ContactStatusStore contacts;
    private final ChannelStore channels;
    private final PeopleDirectory people;
    private final Providers providers;
    private final TaskLanes lanes;
    private final Clock clock;

    MessageWriter(
            MessageStore messages,
            RuleStore rules,
            ContactStatusStore contacts,
            ChannelStore channels,
            PeopleDirectory people,
            Providers providers,
            TaskLanes lanes,
            Clock clock) {
        this.messages = messages;
        this.rules = rules;
        this.contacts = contacts;
        this.channels = channels;
        this.people = people;
        this.providers = providers;
        this.lanes = lanes;
        this.clock = clock;
    }

    /**
     * One message per page and rule. A person with no working method gets a failed row (and was
     * flagged on the schedule before); the step still waits out its delay, so a fresh install with
     * no contact methods does not run through whole policies in a moment. A channel that refuses a
     * send is different: that moves escalation on at once (Outcomes).
     */
    void pagesPlaced(PagesPlaced placed, Urgency urgency) {
        Instant now = LedgerTime.now(clock);
        for (Page page : placed.pages()) {
            List<Planned> plan = plan(page.username(), urgency);
            if (plan.isEmpty()) {
                messages.insert(
                                new NewMessage(
                                        "page:" + page.id() + ":none",
                                        MessageKind.PAGE,
                                        page.incidentId(),
                                        page.id(),
                                        page.seq(),
                                        page.username(),
                                        null,
                                        null,
                                        NONE,
                                        "",
                                        urgency,
                                        now,
                                        null,
                                        null),
                                now)
                        .ifPresent(id -> messages.failed(
                                id,
                                page.username() + " has no working contact method for "
                                        + urgency.name().toLowerCase() + " urgency"));
                continue;
            }
            for (Planned planned : plan) {
                Instant due = now.plus(planned.delay());
                messages.insert(
                                new NewMessage(
                                        "page:" + page.id() + ":cm:"
                                                + planned.method().id() + ":"
                                                + planned.delay().toSeconds(),
                                        MessageKind.PAGE,
                                        page.incidentId(),
                                        page.id(),
                                        page.seq(),
                                        page.username(),
                                        planned.method().id(),
                                        null,
                                        planned.channel(),
                                        planned.method().address(),
                                        urgency,
                                        due,
                                        null,
                                        null),
                                now)
                        .ifPresent(id -> NotifyLane.schedule(lanes, id, due, now));
            }
        }
    }

    /** Every enabled channel of the incident's team or service hears about the change once. */
    void incidentChanged(Incident incident, String change) {
        Instant now = LedgerTime.now(clock);
        String team = incident.service() == null
                ? null
                : people.serviceTeam(incident.service()).orElse(null);
        if (team == null && incident.service() == null) {
            return;
        }
        for (NotifyChannel channel : channels.subscribed(team, incident.service())) {
            messages.insert(
                            new NewMessage(
                                    "update:" + incident.id() + ":" + change + ":ch:" + channel.id(),
                                    MessageKind.INCIDENT_UPDATE,
                                    incident.id(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    channel.id(),
                                    channel.type(),
                                    channel.url(),
                                    Urgencies.of(incident.severity()),
                                    now,
                                    null,
                                    null),
                            now)
                    .ifPresent(id -> NotifyLane.schedule(lanes, id, now, now));
        }
    }

    /**
     * A message written with its words (a verification code, a test) to one contact method, sent at
     * once. {@code causeKey} keeps a repeated request from sending twice.
     */
    public Optional<Long> direct(
            String causeKey, MessageKind kind, String username, ContactMethod method, String subject, String body) {
        Instant now = LedgerTime.now(clock);
        ChannelType channel = channelOf(method.kind())
                .orElseThrow(() -> new dev.firebreak.notify.InvalidDestination(
                        "kind", "no channel delivers to " + method.kind().name().toLowerCase() + " contact methods"));
        Optional<Long> id = messages.insert(
                new NewMessage(
                        causeKey,
                        kind,
                        null,
                        null,
                        null,
                        username,
                        method.id(),
                        null,
                        channel,
                        method.address(),
                        Urgency.HIGH,
                        now,
                        subject,
                        body),
                now);
        id.ifPresent(message -> NotifyLane.schedule(lanes, message, now, now));
        return id;
    }

    /** A message written with its words (an admin's test) to one channel, sent at once. */
    public Optional<Long> directToChannel(String causeKey, NotifyChannel channel, String subject, String body) {
        Instant now = LedgerTime.now(clock);
        Optional<Long> id = messages.insert(
                new NewMessage(
                        causeKey,
                        MessageKind.TEST,
                        null,
                        null,
                        null,
                        null,
                        null,
                        channel.id(),
                        channel.type(),
                        channel.url(),
                        Urgency.LOW,
                        now,
                        subject,
                        body),
                now);
        id.ifPresent(message -> NotifyLane.schedule(lanes, message, now, now));
        return id;
    }

    /** The rules that apply, each to a working contact method a provider can reach. */
    List<Planned> plan(String username, Urgency urgency) {
        if (!people.userEnabled(username)) {
            return List.of();
        }
        List<ContactMethod> methods = people.contactMethods(username);
        Map<Long, ContactMethod> byId =
                methods.stream().collect(Collectors.toMap(ContactMethod::id, Function.identity()));
        List<NotificationRule> own = rules.rules(username).stream()
                .filter(rule -> rule.urgency() == urgency)
                .toList();
        List<Planned> plan = new ArrayList<>();
        if (own.isEmpty()) {
            Duration delay = Duration.ZERO;
            for (ContactMethod method : methods) {
                Optional<Planned> usable = usable(method, delay);
                if (usable.isPresent()) {
                    plan.add(usable.get());
                    delay = delay.plus(DEFAULT_GAP);
                }
            }
            return plan;
        }
        for (NotificationRule rule : own) {
            ContactMethod method = byId.get(rule.contactMethodId());
            if (method != null) {
                usable(method, rule.delay()).ifPresent(plan::add);
            }
        }
        return plan;
    }

    private Optional<Planned> usable(ContactMethod method, Duration delay) {
        return channelOf(method.kind())
                .filter(channel -> providers.find(channel).isPresent())
                .filter(channel -> contacts.works(method.id()))
                .map(channel -> new Planned(method, channel, delay));
    }

    /** The channel a kind of contact method is sent over; phone and SMS wait for a provider named so. */
    static Optional<ChannelType> channelOf(ContactMethod.Kind kind) {
        return switch (kind) {
            case EMAIL -> Optional.of(ChannelType.EMAIL);
            case WEBHOOK -> Optional.of(ChannelType.WEBHOOK);
            case PUSH -> Optional.of(ChannelType.NTFY);
            case SMS -> Optional.of(new ChannelType("sms"));
            case PHONE -> Optional.of(new ChannelType("voice"));
            case CHAT -> Optional.empty();
        };
    }

    record Planned(ContactMethod method, ChannelType channel, Duration delay) {}
}
