package dev.firebreak.alert.internal.am;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.internal.routing.GroupKeys;
import dev.firebreak.alert.internal.routing.InhibitRule;
import dev.firebreak.alert.internal.routing.Route;
import dev.firebreak.alert.internal.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The routing tree written as an Alertmanager configuration, for {@code /api/v2/status}: tools
 * (amtool config routes, Grafana) load it with Alertmanager's strict parser, so it holds only
 * Alertmanager's keys, every route's receiver, and a receiver entry for each name.
 */
public final class AlertmanagerYaml {
    private static final String HEADER =
            "# Firebreak's active routing tree as Alertmanager configuration. Firebreak's own\n"
                    + "# route keys (service, escalation_policy, severity, runbook) are left out: see /api/v1/routing.\n";

    private AlertmanagerYaml() {}

    public static String write(RoutingConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("route", route(config.root(), true));
        List<Map<String, Object>> receivers = new ArrayList<>();
        for (String name : receivers(config.root())) {
            receivers.add(Map.of("name", name));
        }
        root.put("receivers", receivers);
        if (!config.inhibitRules().isEmpty()) {
            List<Map<String, Object>> rules = new ArrayList<>();
            for (InhibitRule rule : config.inhibitRules()) {
                Map<String, Object> out = new LinkedHashMap<>();
                if (!rule.sourceMatchers().isEmpty()) {
                    out.put("source_matchers", texts(rule.sourceMatchers()));
                }
                if (!rule.targetMatchers().isEmpty()) {
                    out.put("target_matchers", texts(rule.targetMatchers()));
                }
                if (!rule.equal().isEmpty()) {
                    out.put("equal", List.copyOf(rule.equal()));
                }
                rules.add(out);
            }
            root.put("inhibit_rules", rules);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        return HEADER + new Yaml(options).dump(root);
    }

    /** Every route's receiver name, root first, each once. */
    public static Set<String> receivers(Route root) {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    private static void collect(Route route, Set<String> names) {
        names.add(route.name());
        for (Route child : route.routes()) {
            collect(child, names);
        }
    }

    private static Map<String, Object> route(Route route, boolean root) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receiver", route.name());
        if (!root && !route.matchers().isEmpty()) {
            out.put("matchers", texts(route.matchers()));
        }
        if (route.continueMatching() && !root) {
            out.put("continue", true);
        }
        if (route.groupBy() == null) {
            out.put("group_by", List.of("..."));
        } else if (!route.groupBy().isEmpty()) {
            out.put("group_by", List.copyOf(route.groupBy()));
        }
        out.put("group_wait", GroupKeys.format(route.groupWait()));
        out.put("group_interval", GroupKeys.format(route.groupInterval()));
        out.put("repeat_interval", GroupKeys.format(route.repeatInterval()));
        if (!route.routes().isEmpty()) {
            List<Map<String, Object>> children = new ArrayList<>();
            for (Route child : route.routes()) {
                children.add(route(child, false));
            }
            out.put("routes", children);
        }
        return out;
    }

    private static List<String> texts(List<AlertMatcher> matchers) {
        return matchers.stream().map(AlertMatcher::toString).toList();
    }
}
