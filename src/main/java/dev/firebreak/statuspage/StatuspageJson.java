package dev.firebreak.statuspage;

import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.statuspage.PageView.ComponentView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A page's view in Statuspage.io's public API v2 shape, field for field, so widgets and pollers
 * written for it work unchanged. Maps keep the field order and the nulls Statuspage.io sends. Only
 * the status page's own data goes in: no internal incident, no author.
 */
@Component
public class StatuspageJson {
    private static final int LIMIT = 50;

    private final NotifyProperties notify;

    StatuspageJson(NotifyProperties notify) {
        this.notify = notify;
    }

    /** Where the public reaches the page: its own URL, else under Firebreak's base URL. */
    public String pageUrl(StatusPage page) {
        return page.url() != null ? page.url() : notify.url("/status/" + page.slug());
    }

    public Map<String, Object> status(PageView view) {
        Map<String, Object> out = withPage(view);
        out.put("status", statusOf(view));
        return out;
    }

    public Map<String, Object> summary(PageView view) {
        Map<String, Object> out = withPage(view);
        out.put("components", ComponentsJson.components(view));
        out.put("incidents", incidents(view, view.unresolvedIncidents()));
        List<PublicIncident> maintenances = new ArrayList<>(view.activeMaintenances());
        maintenances.addAll(view.upcomingMaintenances());
        out.put("scheduled_maintenances", incidents(view, maintenances));
        out.put("status", statusOf(view));
        return out;
    }

    public Map<String, Object> componentsOf(PageView view) {
        Map<String, Object> out = withPage(view);
        out.put("components", ComponentsJson.components(view));
        return out;
    }

    public Map<String, Object> incidents(PageView view, boolean unresolved) {
        Map<String, Object> out = withPage(view);
        out.put("incidents", incidents(view, unresolved ? view.unresolvedIncidents() : first(view.publicIncidents())));
        return out;
    }

    /** which: all, upcoming or active. */
    public Map<String, Object> maintenances(PageView view, String which) {
        Map<String, Object> out = withPage(view);
        List<PublicIncident> list =
                switch (which) {
                    case "upcoming" -> view.upcomingMaintenances();
                    case "active" -> view.activeMaintenances();
                    default -> first(view.maintenances());
                };
        out.put("scheduled_maintenances", incidents(view, list));
        return out;
    }

    /** The body of a webhook to a subscriber, in the shape of Statuspage.io's incident webhooks. */
    public Map<String, Object> webhook(PageView view, PublicIncident incident, String unsubscribeUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("unsubscribe", unsubscribeUrl);
        meta.put("documentation", pageUrl(view.page()));
        meta.put("generated_at", time(view, view.now()));
        out.put("meta", meta);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", view.page().publicId());
        page.put("status_indicator", view.indicator());
        page.put("status_description", view.description());
        out.put("page", page);
        out.put("incident", incident(view, incident));
        return out;
    }

    private Map<String, Object> withPage(PageView view) {
        StatusPage page = view.page();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", page.publicId());
        p.put("name", page.name());
        p.put("url", pageUrl(page));
        p.put("time_zone", page.timeZone());
        p.put("updated_at", time(view, page.updatedAt()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", p);
        return out;
    }

    private static Map<String, Object> statusOf(PageView view) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", view.indicator());
        status.put("description", view.description());
        return status;
    }

    private List<Map<String, Object>> incidents(PageView view, List<PublicIncident> incidents) {
        return incidents.stream().map(i -> incident(view, i)).toList();
    }

    private Map<String, Object> incident(PageView view, PublicIncident i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.publicId());
        out.put("name", i.name());
        out.put("status", i.statusAt(view.now()).value());
        out.put("created_at", time(view, i.createdAt()));
        out.put("updated_at", time(view, i.updatedAt()));
        out.put("monitoring_at", time(view, i.monitoringAt()));
        out.put("resolved_at", time(view, i.endedAt(view.now())));
        out.put("impact", i.impact().value());
        out.put("shortlink", pageUrl(view.page()) + "#incident-" + i.publicId());
        out.put("started_at", time(view, i.startedAt()));
        out.put("page_id", view.page().publicId());
        if (i.kind() == PublicIncident.Kind.MAINTENANCE) {
            out.put("scheduled_for", time(view, i.scheduledFor()));
            out.put("scheduled_until", time(view, i.scheduledUntil()));
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        for (PublicUpdate u : i.updates()) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", u.publicId());
            update.put("status", u.status().value());
            update.put("body", u.body());
            update.put("incident_id", i.publicId());
            update.put("created_at", time(view, u.createdAt()));
            update.put("updated_at", time(view, u.createdAt()));
            update.put("display_at", time(view, u.createdAt()));
            update.put("affected_components", null);
            update.put("deliver_notifications", true);
            update.put("custom_tweet", null);
            update.put("tweet_id", null);
            updates.add(update);
        }
        out.put("incident_updates", updates);
        List<Map<String, Object>> components = new ArrayList<>();
        for (PublicIncident.Affected affected : i.components()) {
            ComponentView c = view.components().stream()
                    .filter(v -> v.component().id() == affected.componentId())
                    .findFirst()
                    .orElse(null);
            if (c != null) {
                String group = c.component().group();
                components.add(ComponentsJson.component(
                        view, c.component(), c.status(), group == null ? null : ComponentsJson.groupId(view, group)));
            }
        }
        out.put("components", components);
        return out;
    }

    private static List<PublicIncident> first(List<PublicIncident> incidents) {
        return incidents.size() <= LIMIT ? incidents : incidents.subList(0, LIMIT);
    }

    private static String time(PageView view, Instant at) {
        return ComponentsJson.time(view, at);
    }
}
