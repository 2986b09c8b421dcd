package dev.firebreak.web;

import dev.firebreak.alert.ChangeEvent;
import dev.firebreak.alert.ChangeEvents;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentDetails;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The change events an incident's page lists as "Recent changes": those at most 24 hours older
 * than the incident (or newer), whose service is the incident's service or one of its alerts'
 * {@code service} labels, or whose source is one of its alerts' {@code source} (PagerDuty) or
 * {@code instance} (Prometheus) labels. Newest first, at most 20.
 */
@Component
class RecentChanges {
    static final Duration BEFORE = Duration.ofHours(24);
    static final int LIMIT = 20;

    private final ChangeEvents changes;

    RecentChanges(ChangeEvents changes) {
        this.changes = changes;
    }

    List<ChangeEvent> of(IncidentDetails details) {
        Set<String> services = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        if (details.incident().service() != null) {
            services.add(details.incident().service());
        }
        for (IncidentAlert alert : details.alerts()) {
            add(services, alert.labels().get("service"));
            add(sources, alert.labels().get("source"));
            add(sources, alert.labels().get("instance"));
        }
        return changes.recent(services, sources, details.incident().openedAt().minus(BEFORE), LIMIT);
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.strip());
        }
    }
}
