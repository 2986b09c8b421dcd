package dev.firebreak.statuspage;

import dev.firebreak.statuspage.PublicIncident.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a status page shows, as of {@code now}: what the HTML, the JSON and the feed are
 * rendered from, so they never disagree. Holds only the status page's own data.
 *
 * @param incidents incidents and maintenance of the history window, newest first
 */
public record PageView(StatusPage page, Instant now, List<ComponentView> components, List<PublicIncident> incidents) {
    public PageView {
        components = List.copyOf(components);
        incidents = List.copyOf(incidents);
    }

    /** A component with its state now and its uptime bars, oldest day first. */
    public record ComponentView(StatusComponent component, ComponentStatus status, List<UptimeDay> days) {
        public ComponentView {
            days = List.copyOf(days);
        }

        /** The share of the window up, in percent: partial outage counts 30 % down, degraded 0 %. */
        public double uptimePercent() {
            long total = days.size() * 86_400L;
            double down = days.stream()
                    .mapToDouble(d -> d.downSeconds() + 0.3 * d.partialSeconds())
                    .sum();
            return total == 0 ? 100.0 : Math.max(0.0, 100.0 * (1.0 - down / total));
        }
    }

    /** One day's bar: the worst state it saw and the seconds of outage. */
    public record UptimeDay(LocalDate date, ComponentStatus worst, long downSeconds, long partialSeconds) {}

    public List<PublicIncident> unresolvedIncidents() {
        return incidents.stream()
                .filter(i -> i.kind() == Kind.INCIDENT && !i.statusAt(now).finished())
                .toList();
    }

    public List<PublicIncident> publicIncidents() {
        return incidents.stream().filter(i -> i.kind() == Kind.INCIDENT).toList();
    }

    public List<PublicIncident> maintenances() {
        return incidents.stream().filter(i -> i.kind() == Kind.MAINTENANCE).toList();
    }

    public List<PublicIncident> upcomingMaintenances() {
        return maintenances().stream()
                .filter(m -> m.statusAt(now) == IncidentStatus.SCHEDULED)
                .sorted(Comparator.comparing(PublicIncident::scheduledFor))
                .toList();
    }

    public List<PublicIncident> activeMaintenances() {
        return maintenances().stream()
                .filter(m ->
                        m.statusAt(now) == IncidentStatus.IN_PROGRESS || m.statusAt(now) == IncidentStatus.VERIFYING)
                .toList();
    }

    /**
     * Statuspage.io's indicator: the worst of the unresolved incidents' impact and the components'
     * state (degraded minor, partial outage major, major outage critical); {@code maintenance}
     * when nothing is wrong but maintenance is under way.
     */
    public String indicator() {
        int worst = 0;
        for (PublicIncident incident : unresolvedIncidents()) {
            worst = Math.max(worst, Math.min(3, incident.impact().ordinal()));
        }
        for (ComponentView component : components) {
            worst = Math.max(
                    worst,
                    switch (component.status()) {
                        case DEGRADED_PERFORMANCE -> 1;
                        case PARTIAL_OUTAGE -> 2;
                        case MAJOR_OUTAGE -> 3;
                        case OPERATIONAL, UNDER_MAINTENANCE -> 0;
                    });
        }
        if (worst == 0 && !activeMaintenances().isEmpty()) {
            return "maintenance";
        }
        return Impact.values()[worst].value();
    }

    public String description() {
        return switch (indicator()) {
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major System Outage";
            case "maintenance" -> "Service Under Maintenance";
            default -> "All Systems Operational";
        };
    }

    public StatusComponent component(long id) {
        return components.stream()
                .map(ComponentView::component)
                .filter(c -> c.id() == id)
                .findFirst()
                .orElse(null);
    }
}
