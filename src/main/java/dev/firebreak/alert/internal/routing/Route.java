package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.AlertMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the routing tree with its settings already inherited from its parents.
 *
 * @param path position in the tree ("0" is the root, "0.1" its second child), used in group keys
 * @param groupBy labels to group by; null means every label (Alertmanager's {@code '...'})
 * @param groupDedupKeys whether alerts with a dedup key (PagerDuty Events v2) are grouped by
 *     group_by after group_wait like any other; false (the default): each dedup key is its own
 *     group and fires at once, as in PagerDuty
 */
public record Route(
        String path,
        String receiver,
        List<AlertMatcher> matchers,
        boolean continueMatching,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        String service,
        String escalationPolicy,
        String severity,
        String runbook,
        boolean groupDedupKeys,
        boolean diagnostics,
        List<Route> routes) {

    /**
     * The routes an alert goes to, as Alertmanager walks the tree: depth first, a matching child
     * stops the search among its siblings unless it has {@code continue: true}; a node none of whose
     * children match takes the alert itself.
     */
    public List<Route> match(Map<String, String> labels) {
        if (!AlertMatcher.all(matchers, labels)) {
            return List.of();
        }
        List<Route> found = new ArrayList<>();
        for (Route child : routes) {
            List<Route> below = child.match(labels);
            found.addAll(below);
            if (!below.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        return found.isEmpty() ? List.of(this) : found;
    }

    /** The route's name as events show it: its receiver, or its path in the tree. */
    public String name() {
        return receiver != null ? receiver : "route " + path;
    }
}
