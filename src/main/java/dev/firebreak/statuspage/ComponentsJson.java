package dev.firebreak.statuspage;

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

/** Components in Statuspage.io's shape, group headings as group components, and its time format. */
final class ComponentsJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private ComponentsJson() {}

    /** Components, and a group component (Statuspage.io's {@code group: true}) for each group heading. */
    static List<Map<String, Object>> components(PageView view) {
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

    static Map<String, Object> component(PageView view, StatusComponent c, ComponentStatus status, String groupId) {
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

    /** A group's id, the same on every read: from the page's id and the group's name. */
    static String groupId(PageView view, String group) {
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

    static String time(PageView view, Instant at) {
        return at == null ? null : TIME.format(at.atZone(zone(view)));
    }
}
