package dev.firebreak.statuspage;

import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.statuspage.PageView.ComponentView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
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
        out.put("components", components(view));
        out.put("incidents", incidents(view, view.unresolvedIncidents()));
        List<PublicIncident> maintenances = new ArrayList<>(view.activeMaintenances());
        maintenances.addAll(view.upcomingMaintenances());
        out.put("scheduled_maintenances", incidents(view, maintenances));
        out.put("status", statusOf(view));
        return out;
    }

    public Map<String, Object> componentsOf(PageView view) {
        Map<String, Object> out = withPage(view);
        out.put("components", components(view));
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

    /** Components, and a group component (Statuspage.io's {@code group: true}) for each group heading. */
    private List<Map<String, Object>> components(PageView view) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
        for (ComponentView c : view.components()) {
            if (c.component().group() != null) {
                groups.computeIfAbsent(c.component().group(), g -> new ArrayList<>())
                        .add(c);
            }
        }
        for (ComponentView c : view.components()) {
            String group = c.component().group();
            out.add(component(view, c.component(), c.status(), group == null ? null : groupId(view, group)));
        }
        int position = view.components().size();
        for (Map.Entry<String, List<ComponentView>> group : groups.entrySet()) {
            ComponentStatus worst = ComponentStatus.OPERATIONAL;
            List<String> ids = new ArrayList<>();
            Instant created = Instant.MAX;
            Instant updated = Instant.MIN;
            for (ComponentView c : group.getValue()) {
                worst = worst.worse(c.status());
                ids.add(c.component().publicId());
                created = c.component().createdAt().isBefore(created)
                        ? c.component().createdAt()
                        : created;
                updated = c.component().updatedAt().isAfter(updated)
                        ? c.component().updatedAt()
                        : updated;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", groupId(view, group.getKey()));
            g.put("name", group.getKey());
            g.put("status", worst.value());
            g.put("created_at", time(view, created));
            g.put("updated_at", time(view, updated));
            g.put("position", ++position);
            g.put("description", null);
            g.put("showcase", false);
            g.put("start_date", null);
            g.put("group_id", null);
            g.put("page_id", view.page().publicId());
            g.put("group", true);
            g.put("only_show_if_degraded", false);
            g.put("components", ids);
            out.add(g);
        }
        return out;
    }

    private Map<String, Object> component(PageView view, StatusComponent c, ComponentStatus status, String groupId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.publicId());
        out.put("name", c.name());
        out.put("status", status.value());
        out.put("created_at", time(view, c.createdAt()));
        out.put("updated_at", time(view, c.updatedAt()));
        out.put("position", c.position());
        out.put("description", c.description());
        out.put("showcase", true);
        out.put("start_date", c.createdAt().atZone(zone(view)).toLocalDate().toString());
        out.put("group_id", groupId);
        out.put("page_id", view.page().publicId());
        out.put("group", false);
        out.put("only_show_if_degraded", false);
        return out;
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
                components.add(component(view, c.component(), c.status(), group == null ? null : groupId(view, group)));
            }
        }
        out.put("components", components);
        return out;
    }

    private static List<PublicIncident> first(List<PublicIncident> incidents) {
        return incidents.size() <= LIMIT ? incidents : incidents.subList(0, LIMIT);
    }

    /** A group's id, the same on every read: from the page's id and the group's name. */
    private static String groupId(PageView view, String group) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((view.page().publicId() + "\n" + group).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder();
            for (int n = 0; id.length() < 12; n++) {
                id.append(Character.forDigit((digest[n] & 0xff) % 36, 36));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ZoneId zone(PageView view) {
        return ZoneId.of(view.page().timeZone());
    }

    private static String time(PageView view, Instant at) {
        return at == null ? null : TIME.format(at.atZone(zone(view)));
    }
}
