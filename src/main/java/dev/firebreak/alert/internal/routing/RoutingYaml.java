package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.PolicyReference;
import dev.firebreak.alert.RoutingProblem;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the Alertmanager-like routing YAML. It walks SnakeYAML's node tree rather than binding to
 * objects, so every problem carries the line it was found on, and collects all problems at once.
 */
public final class RoutingYaml {
    public static final String DEFAULT = "route:\n  group_by: [alertname]\n";

    private static final Set<String> TOP = Set.of("route", "inhibit_rules", "global", "receivers", "templates");
    private static final Set<String> ROUTE_KEYS = Set.of(
            "receiver",
            "matchers",
            "match",
            "match_re",
            "continue",
            "group_by",
            "group_wait",
            "group_interval",
            "repeat_interval",
            "service",
            "escalation_policy",
            "severity",
            "runbook",
            "group_dedup_keys",
            "diagnostics",
            "routes");
    private static final Set<String> INHIBIT_KEYS = Set.of(
            "source_matchers",
            "target_matchers",
            "equal",
            "source_match",
            "source_match_re",
            "target_match",
            "target_match_re");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /**
     * Either a config or the problems that keep it from being one.
     *
     * @param policies every {@code escalation_policy} a route names itself (not inherited), in order
     */
    public record Result(RoutingConfig config, List<RoutingProblem> problems, List<PolicyReference> policies) {
        Result(RoutingConfig config, List<RoutingProblem> problems) {
            this(config, problems, List.of());
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final List<RoutingProblem> problems = new ArrayList<>();
    private final List<PolicyReference> policies = new ArrayList<>();

    private RoutingYaml() {}

    public static Result parse(String text) {
        return new RoutingYaml().read(text == null ? "" : text);
    }

    private Result read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below with their line
        options.setMaxAliasesForCollections(20);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = (e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()).getLine() + 1;
            return failed(line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            return failed(1, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return failed(1, "the configuration is empty; it needs a 'route:'");
        }
        Map<String, NodeTuple> top = mapping(root, TOP, "top level");
        if (top == null) {
            return new Result(null, List.copyOf(problems));
        }
        Route route = null;
        if (!top.containsKey("route")) {
            problem(root, "missing 'route:' (the root of the routing tree)");
        } else {
            Node node = top.get("route").getValueNode();
            route = route(node, null, "0");
            Map<String, NodeTuple> keys = mapping(node, ROUTE_KEYS, "route");
            if (keys != null) {
                for (String forbidden : List.of("matchers", "match", "match_re", "continue")) {
                    if (keys.containsKey(forbidden)) {
                        problem(keys.get(forbidden).getKeyNode(), "the root route must not have '" + forbidden + "'");
                    }
                }
            }
        }
        List<InhibitRule> rules = new ArrayList<>();
        if (top.containsKey("inhibit_rules")) {
            Node list = top.get("inhibit_rules").getValueNode();
            for (Node item : sequence(list, "inhibit_rules")) {
                InhibitRule rule = inhibit(item);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            // The root mapping is read twice (settings, then root-only rules): report each problem once.
            return new Result(null, problems.stream().distinct().toList());
        }
        return new Result(new RoutingConfig(route, List.copyOf(rules)), List.of(), List.copyOf(policies));
    }

    private Route route(Node node, Route parent, String path) {
        Map<String, NodeTuple> keys = mapping(node, ROUTE_KEYS, "route");
        if (keys == null) {
            return null;
        }
        policyReference(keys.get("escalation_policy"), path);
        List<AlertMatcher> matchers = new ArrayList<>();
        matchers.addAll(matchers(keys.get("matchers")));
        matchers.addAll(legacy(keys.get("match"), AlertMatcher.Op.EQUAL));
        matchers.addAll(legacy(keys.get("match_re"), AlertMatcher.Op.REGEX));
        List<String> groupBy = parent == null ? List.of() : parent.groupBy();
        if (keys.containsKey("group_by")) {
            groupBy = groupBy(keys.get("group_by").getValueNode());
        }
        Route self = new Route(
                path,
                text(keys.get("receiver"), parent == null ? null : parent.receiver()),
                List.copyOf(matchers),
                bool(keys.get("continue"), false),
                groupBy,
                duration(keys.get("group_wait"), parent == null ? Duration.ofSeconds(30) : parent.groupWait(), true),
                duration(
                        keys.get("group_interval"),
                        parent == null ? Duration.ofMinutes(5) : parent.groupInterval(),
                        false),
                duration(
                        keys.get("repeat_interval"),
                        parent == null ? Duration.ofHours(4) : parent.repeatInterval(),
                        false),
                text(keys.get("service"), parent == null ? null : parent.service()),
                text(keys.get("escalation_policy"), parent == null ? null : parent.escalationPolicy()),
                text(keys.get("severity"), parent == null ? null : parent.severity()),
                runbook(keys.get("runbook"), parent == null ? null : parent.runbook()),
                bool(keys.get("group_dedup_keys"), parent != null && parent.groupDedupKeys()),
                bool(keys.get("diagnostics"), parent != null && parent.diagnostics()),
                List.of());
        List<Route> children = new ArrayList<>();
        if (keys.containsKey("routes")) {
            List<Node> items = sequence(keys.get("routes").getValueNode(), "routes");
            for (int i = 0; i < items.size(); i++) {
                Route child = route(items.get(i), self, path + "." + i);
                if (child != null) {
                    children.add(child);
                }
            }
        }
        return new Route(
                self.path(),
                self.receiver(),
                self.matchers(),
                self.continueMatching(),
                self.groupBy(),
                self.groupWait(),
                self.groupInterval(),
                self.repeatInterval(),
                self.service(),
                self.escalationPolicy(),
                self.severity(),
                self.runbook(),
                self.groupDedupKeys(),
                self.diagnostics(),
                List.copyOf(children));
    }

    private InhibitRule inhibit(Node node) {
        Map<String, NodeTuple> keys = mapping(node, INHIBIT_KEYS, "inhibit rule");
        if (keys == null) {
            return null;
        }
        List<AlertMatcher> source = new ArrayList<>(matchers(keys.get("source_matchers")));
        source.addAll(legacy(keys.get("source_match"), AlertMatcher.Op.EQUAL));
        source.addAll(legacy(keys.get("source_match_re"), AlertMatcher.Op.REGEX));
        List<AlertMatcher> target = new ArrayList<>(matchers(keys.get("target_matchers")));
        target.addAll(legacy(keys.get("target_match"), AlertMatcher.Op.EQUAL));
        target.addAll(legacy(keys.get("target_match_re"), AlertMatcher.Op.REGEX));
        if (source.isEmpty() || target.isEmpty()) {
            problem(node, "an inhibit rule needs source_matchers and target_matchers");
        }
        List<String> equal =
                keys.containsKey("equal") ? labels(keys.get("equal").getValueNode()) : List.of();
        return new InhibitRule(List.copyOf(source), List.copyOf(target), equal);
    }

    private List<AlertMatcher> matchers(NodeTuple tuple) {
        if (tuple == null) {
            return List.of();
        }
        List<AlertMatcher> found = new ArrayList<>();
        for (Node item : sequence(tuple.getValueNode(), "matchers")) {
            String text = scalar(item, "matcher");
            if (text != null) {
                catching(item, () -> found.add(AlertMatcher.parse(text)));
            }
        }
        return found;
    }

    private List<AlertMatcher> legacy(NodeTuple tuple, AlertMatcher.Op op) {
        if (tuple == null) {
            return List.of();
        }
        Map<String, NodeTuple> pairs = mapping(tuple.getValueNode(), null, "match");
        List<AlertMatcher> found = new ArrayList<>();
        if (pairs != null) {
            pairs.forEach((name, pair) -> {
                String value = scalar(pair.getValueNode(), "label value");
                if (!LABEL.matcher(name).matches()) {
                    problem(pair.getKeyNode(), "bad label name '" + name + "'");
                } else if (value != null) {
                    catching(pair.getValueNode(), () -> found.add(AlertMatcher.of(name, op, value)));
                }
            });
        }
        return found;
    }

    private List<String> groupBy(Node node) {
        List<String> labels = labels(node);
        if (labels.contains("...")) {
            if (labels.size() > 1) {
                problem(node, "group_by '...' groups by every label and cannot be combined with other labels");
            }
            return null;
        }
        return labels;
    }

    private List<String> labels(Node node) {
        List<String> labels = new ArrayList<>();
        for (Node item : sequence(node, "label list")) {
            String label = scalar(item, "label name");
            if (label == null) {
                continue;
            }
            if (!label.equals("...") && !LABEL.matcher(label).matches()) {
                problem(item, "bad label name '" + label + "'");
            } else {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    private Duration duration(NodeTuple tuple, Duration inherited, boolean zeroAllowed) {
        if (tuple == null) {
            return inherited;
        }
        String text = scalar(tuple.getValueNode(), "duration");
        if (text == null) {
            return inherited;
        }
        Duration parsed = parseDuration(text);
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        if (parsed == null) {
            problem(tuple.getValueNode(), "bad duration '" + text + "' for " + key + " (use 30s, 5m, 4h, 1h30m)");
            return inherited;
        }
        if (parsed.isZero() && !zeroAllowed) {
            problem(tuple.getValueNode(), key + " must be greater than zero");
        }
        return parsed;
    }

    /** Prometheus durations: 500ms, 30s, 5m, 4h, 1d, 1w, 1y and combinations such as 1h30m. */
    public static Duration parseDuration(String text) {
        if (text == null || text.isEmpty() || !text.matches("(\\d+(ms|s|m|h|d|w|y))+")) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        case "w" -> Duration.ofDays(7 * n);
                        default -> Duration.ofDays(365 * n);
                    });
        }
        return total;
    }

    private void policyReference(NodeTuple tuple, String path) {
        if (tuple != null
                && tuple.getValueNode() instanceof ScalarNode value
                && !value.getValue().isBlank()) {
            policies.add(new PolicyReference(
                    path, value.getStartMark().getLine() + 1, value.getValue().strip()));
        }
    }

    private String runbook(NodeTuple tuple, String inherited) {
        String slug = text(tuple, inherited);
        if (tuple != null && slug != null && !SLUG.matcher(slug).matches()) {
            problem(tuple.getValueNode(), "bad runbook slug '" + slug + "' (lower-case letters, digits, '-')");
        }
        return slug;
    }

    private String text(NodeTuple tuple, String inherited) {
        if (tuple == null) {
            return inherited;
        }
        String value = scalar(tuple.getValueNode(), ((ScalarNode) tuple.getKeyNode()).getValue());
        return value == null || value.isBlank() ? inherited : value.strip();
    }

    private boolean bool(NodeTuple tuple, boolean inherited) {
        if (tuple == null) {
            return inherited;
        }
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        String value = scalar(tuple.getValueNode(), key);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            problem(tuple.getValueNode(), key + " must be true or false, not '" + value + "'");
        }
        return value == null ? inherited : "true".equals(value);
    }

    /** The keys of a mapping node in order; reports unknown and duplicate keys (allowed null: any). */
    private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode map)) {
            problem(node, what + " must be a mapping of keys to values");
            return null;
        }
        Map<String, NodeTuple> keys = new java.util.LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (key == null) {
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what);
            } else if (keys.putIfAbsent(key, tuple) != null) {
                problem(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
        return keys;
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode list) {
            return list.getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value, not a list or mapping");
        return null;
    }

    private void catching(Node node, Runnable action) {
        try {
            action.run();
        } catch (AlertMatcher.Invalid e) {
            problem(node, e.getMessage());
        }
    }

    private void problem(Node node, String message) {
        problems.add(new RoutingProblem(node.getStartMark().getLine() + 1, message));
    }

    private Result failed(int line, String message) {
        return new Result(null, List.of(new RoutingProblem(line, message)));
    }
}
