package dev.firebreak.incident;

import dev.firebreak.incident.internal.IncidentStore;
import dev.firebreak.incident.internal.RunbookMatcher;
import dev.firebreak.incident.internal.SeverityScheme;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.runbook.RunbookLibrary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What people do with incidents, and how other features read them. Every change lands on the timeline. */
@Service
public class Incidents {
    private static final Set<String> STATES = Set.of("open", "triggered", "acknowledged", "resolved");
    private static final int MAX_NOTE = 4000;
    // System entries are the product's own, as the lifecycle's are.
    private static final String ESCALATION_ACTOR = "firebreak";

    private final IncidentStore store;
    private final RunbookMatcher runbooks;
    private final RunbookLibrary library;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incidents(
            IncidentStore store,
            RunbookMatcher runbooks,
            RunbookLibrary library,
            UserAccounts users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.runbooks = runbooks;
        this.library = library;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The built-in levels (P1..P4), used where a runbook gives none. */
    public List<Severity> builtInLevels() {
        return SeverityScheme.DEFAULT.levels();
    }

    public List<Incident> list(IncidentQuery query) {
        return page(query).items();
    }

    /** A page of incidents newest first, with the total and the next page's cursor. */
    public IncidentPage page(IncidentQuery query) {
        if (query.state() != null
                && !query.state().isBlank()
                && !STATES.contains(query.state().toLowerCase(Locale.ROOT))) {
            throw new FirebreakException.BadInput(
                    "state", "state must be open, triggered, acknowledged, resolved or all");
        }
        if (query.limit() < 1 || query.limit() > 500) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 500");
        }
        if (query.before() != null && query.before() < 1) {
            throw new FirebreakException.BadInput("before", "before is the cursor of a next link: an incident id");
        }
        return store.page(query);
    }

    public Incident get(long id) {
        return store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no incident " + id));
    }

    public IncidentDetails details(long id) {
        Incident incident = get(id);
        return new IncidentDetails(
                incident,
                incident.responseStatus(clock.instant()),
                store.alerts(id),
                store.timeline(id),
                runbooks.scheme(incident.runbookSlug()).levels(),
                store.cycles(id));
    }

    public long countOpen() {
        return store.countOpen();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Acknowledges a triggered incident; a lost race with another change is a clear 409. */
    @Transactional
    public Incident acknowledge(long id, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        if (incident.state() != IncidentState.TRIGGERED || !store.acknowledge(id, now, actor)) {
            Incident current = get(id);
            throw new FirebreakException.Conflict(
                    current.state() == IncidentState.RESOLVED
                            ? "incident " + id + " is resolved; it cannot be acknowledged"
                            : "incident " + id + " is already acknowledged by " + current.acknowledgedBy());
        }
        store.addTimeline(
                id,
                now,
                actor,
                "acknowledged",
                new TimelineDetail.StateChange(
                        IncidentState.TRIGGERED,
                        IncidentState.ACKNOWLEDGED,
                        incident.reopenCount() + 1,
                        TimelineDetail.StateChange.Cause.ACKNOWLEDGED));
        events.publishEvent(new IncidentAcknowledged(id, actor));
        return changed(id);
    }

    @Transactional
    public Incident resolve(long id, String actor) {
        Incident incident = get(id);
        Instant now = clock.instant();
        if (!store.resolve(id, now, actor)) {
            throw new FirebreakException.Conflict("incident " + id + " is already resolved");
        }
        store.addTimeline(
                id,
                now,
                actor,
                "resolved",
                new TimelineDetail.StateChange(
                        incident.state(),
                        IncidentState.RESOLVED,
                        incident.reopenCount() + 1,
                        TimelineDetail.StateChange.Cause.RESOLVED));
        events.publishEvent(new IncidentResolved(id, actor));
        return changed(id);
    }

    @Transactional
    public Incident escalate(long id, String actor, String reason) {
        Incident incident = get(id);
        if (incident.state() == IncidentState.RESOLVED) {
            throw new FirebreakException.Conflict("incident " + id + " is resolved; there is nobody to escalate to");
        }
        String why = reason == null || reason.isBlank() ? null : limit("reason", reason.strip());
        store.addTimeline(
                id,
                clock.instant(),
                actor,
                "asked to escalate" + (why == null ? "" : ": " + why),
                new TimelineDetail.EscalationRequested(why));
        events.publishEvent(new IncidentEscalated(id, actor, why));
        return changed(id);
    }

    @Transactional
    public Incident note(long id, String actor, String text) {
        get(id);
        if (text == null || text.isBlank()) {
            throw new FirebreakException.BadInput("text", "a note needs text");
        }
        store.addTimeline(id, clock.instant(), actor, limit("text", text.strip()), new TimelineDetail.Note());
        return changed(id);
    }

    @Transactional
    public Incident changeSeverity(long id, String actor, String severity) {
        Incident incident = get(id);
        SeverityScheme scheme = runbooks.scheme(incident.runbookSlug());
        Severity level = severity == null ? null : scheme.find(severity);
        if (level == null) {
            throw new FirebreakException.BadInput(
                    "severity",
                    "severity must be one of "
                            + String.join(
                                    ", ",
                                    scheme.levels().stream().map(Severity::name).toList()));
        }
        store.setSeverity(id, level, clock.instant());
        store.addTimeline(
                id,
                clock.instant(),
                actor,
                "changed severity from " + incident.severity().name() + " to " + level.name(),
                new TimelineDetail.SeverityChange(incident.severity().name(), level.name(), null));
        return changed(id);
    }

    @Transactional
    public Incident assignRole(long id, String actor, String role, String username) {
        get(id);
        IncidentRole parsed = IncidentRole.parse(role);
        if (parsed == null) {
            throw new FirebreakException.BadInput("role", "role must be commander, communications-lead or scribe");
        }
        if (username == null || username.isBlank()) {
            throw new FirebreakException.BadInput("username", "username must not be empty");
        }
        String name = username.strip();
        if (users.find(name).isEmpty()) {
            throw new FirebreakException.BadInput("username", "no user named '" + name + "'");
        }
        String column =
                switch (parsed) {
                    case COMMANDER -> "commander";
                    case COMMUNICATIONS_LEAD -> "communications_lead";
                    case SCRIBE -> "scribe";
                };
        store.setRole(id, column, name, clock.instant());
        store.addTimeline(
                id,
                clock.instant(),
                actor,
                name + " is " + parsed.title(),
                new TimelineDetail.RoleAssigned(parsed, name));
        return changed(id);
    }

    @Transactional
    public Incident attachRunbook(long id, String actor, String slug) {
        Incident incident = get(id);
        if (slug == null || slug.isBlank()) {
            throw new FirebreakException.BadInput("slug", "slug must not be empty");
        }
        String title;
        try {
            title = library.get(slug.strip()).model().title();
        } catch (FirebreakException.NotFound e) {
            throw new FirebreakException.BadInput("slug", "no runbook '" + slug.strip() + "'");
        }
        Instant now = clock.instant();
        store.setRunbook(id, slug.strip(), now);
        store.addTimeline(
                id,
                now,
                actor,
                "attached runbook " + title,
                new TimelineDetail.RunbookAttached(slug.strip(), title, "attached by " + actor));
        // The new runbook may bring its own scheme: keep the meaning of the current severity.
        Severity current = incident.severity();
        SeverityScheme scheme = runbooks.scheme(slug.strip());
        Severity mapped = scheme.find(current.name()) != null
                ? scheme.find(current.name())
                : scheme.map(current.label() != null ? current.label() : current.name());
        if (!mapped.equals(current)) {
            store.setSeverity(id, mapped, now);
            store.addTimeline(
                    id,
                    now,
                    actor,
                    "severity " + current.name() + " is " + mapped.name() + " on the runbook's scheme",
                    new TimelineDetail.SeverityChange(current.name(), mapped.name(), "the runbook's scheme"));
        }
        return changed(id);
    }

    /**
     * A timeline entry written by escalation (who was paged, a skipped step, the end of paging), in
     * the caller's transaction so it commits with the pages it describes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEscalation(long incidentId, String text, TimelineDetail detail) {
        get(incidentId);
        store.addTimeline(incidentId, clock.instant(), ESCALATION_ACTOR, text, detail);
        events.publishEvent(new IncidentChanged(incidentId));
    }

    /**
     * A timeline entry of work done on the incident by another feature (a command run, a checklist
     * step, a triage walk), in the caller's transaction, or its own.
     */
    @Transactional
    public void record(long incidentId, String actor, String text, TimelineDetail detail) {
        get(incidentId);
        store.addTimeline(incidentId, clock.instant(), actor, limit("text", text), detail);
        events.publishEvent(new IncidentChanged(incidentId));
    }

    /**
     * An acknowledged incident nobody worked on within the policy's ack timeout triggers again, in
     * the caller's transaction (escalation pages it from the first step in the same one). False
     * when it is no longer acknowledged.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retriggerAfterAckTimeout(long incidentId, java.time.Duration timeout) {
        Incident incident = get(incidentId);
        Instant now = clock.instant();
        if (incident.state() != IncidentState.ACKNOWLEDGED || !store.retrigger(incidentId, now)) {
            return false;
        }
        store.addTimeline(
                incidentId,
                now,
                ESCALATION_ACTOR,
                "triggered again: acknowledged by " + incident.acknowledgedBy() + " and left alone for "
                        + timeout.toMinutes() + " min (ack timeout)",
                new TimelineDetail.StateChange(
                        IncidentState.ACKNOWLEDGED,
                        IncidentState.TRIGGERED,
                        incident.reopenCount() + 1,
                        TimelineDetail.StateChange.Cause.ACK_TIMEOUT));
        events.publishEvent(new IncidentChanged(incidentId));
        return true;
    }

    private Incident changed(long id) {
        events.publishEvent(new IncidentChanged(id));
        return get(id);
    }

    private static String limit(String field, String text) {
        if (text.length() > MAX_NOTE) {
            throw new FirebreakException.BadInput(field, field + " must be at most " + MAX_NOTE + " characters");
        }
        return text;
    }
}
