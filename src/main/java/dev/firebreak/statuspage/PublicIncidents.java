package dev.firebreak.statuspage;

import dev.firebreak.notify.MessageTemplates;
import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.statuspage.PublicIncident.Kind;
import dev.firebreak.statuspage.internal.PageStore;
import dev.firebreak.statuspage.internal.PublicIncidentStore;
import dev.firebreak.statuspage.internal.PublicIncidentStore.NewIncident;
import dev.firebreak.statuspage.internal.SubscriberNotices;
import dev.firebreak.statuspage.internal.SubscriberStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What responders post to a status page: a public incident (its own public title, impact and
 * components, never the internal incident's), its updates until resolved, and scheduled
 * maintenance. Each update goes to the page's confirmed subscribers in the same transaction.
 */
@Service
public class PublicIncidents {
    static final int MAX_BODY = 5000;

    private final StatusPages statusPages;
    private final PageStore pages;
    private final PublicIncidentStore incidents;
    private final SubscriberStore subscribers;
    private final SubscriberNotices notices;
    private final MessageTemplates templates;
    private final Clock clock;

    PublicIncidents(
            StatusPages statusPages,
            PageStore pages,
            PublicIncidentStore incidents,
            SubscriberStore subscribers,
            SubscriberNotices notices,
            MessageTemplates templates,
            Clock clock) {
        this.statusPages = statusPages;
        this.pages = pages;
        this.incidents = incidents;
        this.subscribers = subscribers;
        this.notices = notices;
        this.templates = templates;
        this.clock = clock;
    }

    /** A component by its public id or name, and the state to put it in (null: from the impact). */
    public record ComponentChange(String component, String status) {}

    /** {@code incidentId}: the internal incident this speaks for, or null; never shown in public. */
    public record NewPublicIncident(
            String name,
            String impact,
            String status,
            String body,
            Long incidentId,
            List<ComponentChange> components) {}

    public record NewUpdate(String status, String body, String impact, List<ComponentChange> components) {}

    public record NewMaintenance(
            String name, String body, Instant scheduledFor, Instant scheduledUntil, List<String> components) {}

    @Transactional
    public PublicIncident open(String slug, NewPublicIncident request, String actor) {
        StatusPage page = statusPages.page(slug);
        Impact impact = request.impact() == null ? Impact.MINOR : Impact.of(request.impact());
        IncidentStatus status =
                request.status() == null ? IncidentStatus.INVESTIGATING : IncidentStatus.of(request.status());
        if (impact == Impact.MAINTENANCE || status.forMaintenance()) {
            throw new FirebreakException.BadInput("status", "schedule maintenance as maintenance, not as an incident");
        }
        String name = Inputs.text("name", request.name(), 200, true);
        String body = Inputs.text("body", request.body(), MAX_BODY, true);
        Instant now = clock.instant();
        long id = incidents.insert(
                new NewIncident(page.id(), Kind.INCIDENT, request.incidentId(), name, status, impact, null, null, now),
                now);
        incidents.status(id, status, impact, now);
        affect(page, id, impact, request.components());
        incidents.addUpdate(id, status, body, actor, now);
        return published(page, id, now);
    }

    @Transactional
    public PublicIncident update(String slug, String publicId, NewUpdate request, String actor) {
        StatusPage page = statusPages.page(slug);
        PublicIncident incident = find(page, publicId);
        IncidentStatus status = IncidentStatus.of(request.status());
        if (status.forMaintenance() != (incident.kind() == Kind.MAINTENANCE) && status != IncidentStatus.POSTMORTEM) {
            throw new FirebreakException.BadInput(
                    "status",
                    incident.kind() == Kind.MAINTENANCE
                            ? "a maintenance is scheduled, in_progress, verifying or completed"
                            : "an incident is investigating, identified, monitoring, resolved or postmortem");
        }
        Impact impact = request.impact() == null ? incident.impact() : Impact.of(request.impact());
        String body = Inputs.text("body", request.body(), MAX_BODY, true);
        Instant now = clock.instant();
        incidents.status(incident.id(), status, impact, now);
        if (request.components() != null && !request.components().isEmpty()) {
            affect(page, incident.id(), impact, request.components());
        }
        incidents.addUpdate(incident.id(), status, body, actor, now);
        return published(page, incident.id(), now);
    }

    @Transactional
    public PublicIncident scheduleMaintenance(String slug, NewMaintenance request, String actor) {
        StatusPage page = statusPages.page(slug);
        String name = Inputs.text("name", request.name(), 200, true);
        String body = Inputs.text("body", request.body(), MAX_BODY, true);
        if (request.scheduledFor() == null || request.scheduledUntil() == null) {
            throw new FirebreakException.BadInput(
                    "scheduledFor", "a maintenance needs scheduledFor and scheduledUntil");
        }
        if (!request.scheduledUntil().isAfter(request.scheduledFor())
                || Duration.between(request.scheduledFor(), request.scheduledUntil())
                                .toDays()
                        > 31) {
            throw new FirebreakException.BadInput(
                    "scheduledUntil", "a maintenance window ends after it starts and lasts at most 31 days");
        }
        Instant now = clock.instant();
        long id = incidents.insert(
                new NewIncident(
                        page.id(),
                        Kind.MAINTENANCE,
                        null,
                        name,
                        IncidentStatus.SCHEDULED,
                        Impact.MAINTENANCE,
                        request.scheduledFor(),
                        request.scheduledUntil(),
                        request.scheduledFor()),
                now);
        List<ComponentChange> changes = request.components() == null
                ? List.of()
                : request.components().stream()
                        .map(c -> new ComponentChange(c, null))
                        .toList();
        affect(page, id, Impact.MAINTENANCE, changes);
        incidents.addUpdate(id, IncidentStatus.SCHEDULED, body, actor, now);
        return published(page, id, now);
    }

    /** The page's incidents and maintenance of the history window, newest first (for responders). */
    public List<PublicIncident> list(String slug) {
        return statusPages.view(slug).incidents();
    }

    public PublicIncident get(String slug, String publicId) {
        return find(statusPages.page(slug), publicId);
    }

    /**
     * Words to start an update from: the internal incident's runbook template of the kind
     * (initial, update, resolution) filled from the incident. A responder edits them before posting,
     * since they may name internal things.
     */
    public Optional<String> draft(long incidentId, String kind) {
        return templates.draft(incidentId, kind).map(RenderedTemplate::text).map(String::strip);
    }

    private void affect(StatusPage page, long id, Impact impact, List<ComponentChange> changes) {
        if (changes == null) {
            return;
        }
        if (changes.size() > 200) {
            throw new FirebreakException.BadInput("components", "at most 200 components");
        }
        List<StatusComponent> components = pages.components(page.id());
        for (ComponentChange change : changes) {
            String ref = change == null ? null : change.component();
            StatusComponent component = components.stream()
                    .filter(c -> c.publicId().equals(ref) || c.name().equalsIgnoreCase(ref == null ? "" : ref))
                    .findFirst()
                    .orElseThrow(() -> new FirebreakException.BadInput(
                            "components", "the page has no component '" + Inputs.cut(ref) + "'"));
            ComponentStatus status =
                    change.status() == null ? ComponentStatus.forImpact(impact) : ComponentStatus.of(change.status());
            incidents.affect(id, component.id(), status);
        }
    }

    /** Touches the page and tells the confirmed subscribers of the newest update. */
    private PublicIncident published(StatusPage page, long id, Instant now) {
        pages.touch(page.id(), now);
        PageView view = statusPages.view(page.slug());
        PublicIncident incident =
                view.incidents().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        PublicUpdate latest = incident.updates().getFirst();
        for (Subscriber subscriber : subscribers.confirmed(page.id())) {
            notices.update(view, incident, latest, subscriber);
        }
        return incident;
    }

    private PublicIncident find(StatusPage page, String publicId) {
        if (publicId == null || publicId.length() > 20) {
            throw new FirebreakException.NotFound("no public incident '" + Inputs.cut(publicId) + "'");
        }
        return incidents
                .byPublicId(page.id(), publicId)
                .orElseThrow(() -> new FirebreakException.NotFound("no public incident '" + publicId + "'"));
    }
}
