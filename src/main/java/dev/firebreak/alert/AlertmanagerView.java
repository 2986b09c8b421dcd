package dev.firebreak.alert;

import dev.firebreak.alert.internal.am.AlertmanagerYaml;
import dev.firebreak.alert.internal.routing.GroupKeys;
import dev.firebreak.alert.internal.routing.InhibitRule;
import dev.firebreak.alert.internal.routing.Route;
import dev.firebreak.alert.internal.routing.RoutingConfig;
import dev.firebreak.alert.internal.routing.RoutingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Firing alerts, their receivers and what mutes them, as Alertmanager's API v2 reports them
 * ({@code /api/v2/alerts}, {@code /api/v2/alerts/groups}); the same silences, inhibit rules and
 * maintenance windows as notification time ({@code Muting}).
 */
@Service
public class AlertmanagerView {
    private final Alerts alerts;
    private final Silences silences;
    private final MaintenanceWindows windows;
    private final RoutingStore routing;
    private final AlertProperties properties;
    private final Clock clock;

    AlertmanagerView(
            Alerts alerts,
            Silences silences,
            MaintenanceWindows windows,
            RoutingStore routing,
            AlertProperties properties,
            Clock clock) {
        this.alerts = alerts;
        this.silences = silences;
        this.windows = windows;
        this.routing = routing;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every firing alert, newest first. */
    public List<AlertState> current() {
        Instant now = clock.instant();
        RoutingConfig config = routing.config();
        List<Alert> firing = alerts.all(AlertFilter.firing()).stream()
                .filter(a -> a.endsAt() == null || a.endsAt().isAfter(now))
                .toList();
        List<Silence> active = silences.active();
        Set<String> maintenance = windows.servicesInMaintenance();
        List<AlertState> states = new ArrayList<>(firing.size());
        for (Alert alert : firing) {
            List<Route> routes = config.root().match(alert.labels());
            List<String> receivers = routes.stream().map(Route::name).distinct().toList();
            List<Long> silencedBy = active.stream()
                    .filter(s -> AlertMatcher.all(s.parsedMatchers(), alert.labels()))
                    .map(Silence::id)
                    .toList();
            List<String> inhibitedBy = inhibitors(config.inhibitRules(), firing, alert);
            List<String> muted = routes.stream().allMatch(r -> r.service() != null && maintenance.contains(r.service()))
                    ? routes.stream().map(Route::service).distinct().toList()
                    : List.of();
            Instant endsAt = alert.endsAt() != null
                    ? alert.endsAt()
                    : alert.lastReceivedAt().plus(properties.resolveTimeout());
            states.add(new AlertState(alert, endsAt, receivers, silencedBy, inhibitedBy, muted));
        }
        return states;
    }

    /** The states grouped as each receiver's route groups them, in the order of the routing tree. */
    public List<AlertStateGroup> groups(List<AlertState> states) {
        Route root = routing.config().root();
        Map<String, AlertStateGroup> groups = new LinkedHashMap<>();
        for (AlertState state : states) {
            for (Route route : root.match(state.alert().labels())) {
                Map<String, String> labels = GroupKeys.groupLabels(route, state.alert());
                groups.computeIfAbsent(
                                GroupKeys.key(route, labels),
                                k -> new AlertStateGroup(labels, route.name(), new ArrayList<>()))
                        .alerts()
                        .add(state);
            }
        }
        return List.copyOf(groups.values());
    }

    /** The receiver names of the routing tree: each route's receiver, or its path when it has none. */
    public List<String> receivers() {
        return List.copyOf(AlertmanagerYaml.receivers(routing.config().root()));
    }

    /** The active routing tree as an Alertmanager configuration file. */
    public String configYaml() {
        return AlertmanagerYaml.write(routing.config());
    }

    private static List<String> inhibitors(List<InhibitRule> rules, List<Alert> firing, Alert target) {
        if (rules.isEmpty()) {
            return List.of();
        }
        List<String> by = new ArrayList<>();
        for (Alert source : firing) {
            // An alert matching both sides never inhibits itself.
            if (source.fingerprint().equals(target.fingerprint())) {
                continue;
            }
            for (InhibitRule rule : rules) {
                if (rule.inhibits(source.labels(), target.labels())) {
                    by.add(source.fingerprint());
                    break;
                }
            }
        }
        return by;
    }
}
