package dev.firebreak.statuspage;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.statuspage.PageView.ComponentView;
import dev.firebreak.statuspage.internal.PageStore;
import dev.firebreak.statuspage.internal.PublicIncidentStore;
import dev.firebreak.statuspage.internal.StatusPageProperties;
import dev.firebreak.statuspage.internal.UptimeBars;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Status pages and their components, and the view the public sees of one. */
@Service
public class StatusPages {
    private final PageStore pages;
    private final PublicIncidentStore incidents;
    private final StatusPageProperties properties;
    private final Clock clock;

    StatusPages(PageStore pages, PublicIncidentStore incidents, StatusPageProperties properties, Clock clock) {
        this.pages = pages;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    /** A component to create: its name, a line for the public, a group heading, the service it stands for. */
    public record NewComponent(String name, String description, String group, String service) {}

    @Transactional
    public StatusPage create(String slug, String name, String url, String timeZone, List<NewComponent> components) {
        String checkedSlug = Inputs.slug(slug);
        String zone = timeZone == null || timeZone.isBlank() ? "Etc/UTC" : timeZone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new FirebreakException.BadInput("timeZone", "'" + Inputs.cut(zone) + "' is not a time zone");
        }
        Instant now = clock.instant();
        long id;
        try {
            id = pages.insertPage(checkedSlug, Inputs.text("name", name, 200, true), Inputs.url("url", url), zone, now);
        } catch (DuplicateKeyException taken) {
            throw new FirebreakException.Conflict("a status page '" + checkedSlug + "' exists already");
        }
        for (NewComponent component : components == null ? List.<NewComponent>of() : components) {
            addComponent(id, component, now);
        }
        return pages.byId(id).orElseThrow();
    }

    @Transactional
    public StatusComponent addComponent(String slug, NewComponent component) {
        StatusPage page = page(slug);
        Instant now = clock.instant();
        long id = addComponent(page.id(), component, now);
        pages.touch(page.id(), now);
        return pages.components(page.id()).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private long addComponent(long pageId, NewComponent component, Instant now) {
        if (component == null) {
            throw new FirebreakException.BadInput("components", "a component needs a name");
        }
        try {
            return pages.insertComponent(
                    pageId,
                    Inputs.text("name", component.name(), 200, true),
                    Inputs.text("description", component.description(), 500, false),
                    Inputs.text("group", component.group(), 200, false),
                    Inputs.text("service", component.service(), 200, false),
                    pages.nextPosition(pageId),
                    now);
        } catch (DuplicateKeyException taken) {
            throw new FirebreakException.Conflict("the page has a component '" + component.name() + "' already");
        }
    }

    public List<StatusPage> list() {
        return pages.all();
    }

    /** @throws FirebreakException.NotFound for an unknown slug (and a slug no page could have) */
    public StatusPage page(String slug) {
        if (slug == null || slug.length() > 60) {
            throw new FirebreakException.NotFound("no status page '" + Inputs.cut(slug) + "'");
        }
        return pages.bySlug(slug).orElseThrow(() -> new FirebreakException.NotFound("no status page '" + slug + "'"));
    }

    public List<StatusComponent> components(String slug) {
        return pages.components(page(slug).id());
    }

    /** The page as the public sees it now. */
    @Transactional(readOnly = true)
    public PageView view(String slug) {
        StatusPage page = page(slug);
        Instant now = clock.instant();
        List<PublicIncident> history =
                incidents.forPage(page.id(), now.minus(Duration.ofDays(properties.historyDays())));
        ZoneId zone = ZoneId.of(page.timeZone());
        List<ComponentView> views = new ArrayList<>();
        for (StatusComponent component : pages.components(page.id())) {
            views.add(new ComponentView(
                    component,
                    current(component.id(), history, now),
                    UptimeBars.of(component.id(), history, zone, now, properties.historyDays())));
        }
        return new PageView(page, now, views, history);
    }

    /** The worst state any unresolved incident or maintenance under way puts the component in. */
    static ComponentStatus current(long componentId, List<PublicIncident> history, Instant now) {
        ComponentStatus status = ComponentStatus.OPERATIONAL;
        for (PublicIncident incident : history) {
            IncidentStatus at = incident.statusAt(now);
            if (at.finished() || at == IncidentStatus.SCHEDULED) {
                continue;
            }
            for (PublicIncident.Affected affected : incident.components()) {
                if (affected.componentId() == componentId) {
                    status = status.worse(
                            incident.kind() == PublicIncident.Kind.MAINTENANCE
                                    ? ComponentStatus.UNDER_MAINTENANCE
                                    : affected.status());
                }
            }
        }
        return status;
    }
}
