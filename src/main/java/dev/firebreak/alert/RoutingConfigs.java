package dev.firebreak.alert;

import dev.firebreak.alert.internal.routing.GroupKeys;
import dev.firebreak.alert.internal.routing.Route;
import dev.firebreak.alert.internal.routing.RoutingStore;
import dev.firebreak.alert.internal.routing.RoutingYaml;
import dev.firebreak.platform.FirebreakException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The routing tree: read, validate, save (versioned, who and when) and try out with a label set. */
@Service
public class RoutingConfigs {
    static final int MAX_YAML = 512 * 1024;

    private final RoutingStore store;
    private final ObjectProvider<RouteReferences> references;

    RoutingConfigs(RoutingStore store, ObjectProvider<RouteReferences> references) {
        this.store = store;
        this.references = references;
    }

    public RoutingVersion current() {
        return store.current();
    }

    public List<RoutingVersion> versions() {
        return store.versions();
    }

    /** Problems of the YAML itself, then names its routes may not use (an unknown escalation policy). */
    public List<RoutingProblem> validate(String yaml) {
        return validate(yaml, true);
    }

    private List<RoutingProblem> validate(String yaml, boolean checkReferences) {
        if (yaml != null && yaml.length() > MAX_YAML) {
            return List.of(new RoutingProblem(1, "the configuration is longer than " + MAX_YAML + " characters"));
        }
        RoutingYaml.Result result = RoutingYaml.parse(yaml);
        RouteReferences check = references.getIfAvailable();
        if (!result.valid() || !checkReferences || check == null) {
            return result.problems();
        }
        List<RoutingProblem> problems = new ArrayList<>();
        for (PolicyReference reference : result.policies()) {
            check.problemWithPolicy(reference.policy())
                    .ifPresent(reason -> problems.add(new RoutingProblem(
                            reference.line(),
                            "route " + reference.route() + ": escalation_policy '" + reference.policy() + "': "
                                    + reason)));
        }
        return problems;
    }

    /** The escalation policies the active configuration's routes name. */
    public List<PolicyReference> policyReferences() {
        return RoutingYaml.parse(store.current().yaml()).policies();
    }

    /** Saves the YAML as the active configuration, or throws {@link InvalidRouting} and changes nothing. */
    public RoutingVersion save(String yaml, String by) {
        return save(yaml, by, true);
    }

    /**
     * As {@link #save(String, String)}; {@code checkReferences} false accepts names that do not
     * exist yet (the routing file read at start, before anyone could create its policies).
     */
    public RoutingVersion save(String yaml, String by, boolean checkReferences) {
        List<RoutingProblem> problems = validate(yaml, checkReferences);
        if (!problems.isEmpty()) {
            throw new InvalidRouting(problems);
        }
        if (yaml.equals(store.current().yaml())) {
            return store.current();
        }
        try {
            return store.save(yaml, by);
        } catch (DuplicateKeyException e) {
            throw new FirebreakException.Conflict("somebody saved the routing at the same time; reload and try again");
        }
    }

    /** The routes a label set would go to under the active configuration (or the given YAML). */
    public List<RouteMatch> test(Map<String, String> labels, String yaml) {
        Route root;
        if (yaml == null || yaml.isBlank()) {
            root = store.config().root();
        } else {
            RoutingYaml.Result result = RoutingYaml.parse(yaml);
            if (!result.valid()) {
                throw new InvalidRouting(result.problems());
            }
            root = result.config().root();
        }
        return root.match(labels).stream()
                .map(route -> {
                    Map<String, String> groupLabels = GroupKeys.groupLabels(route, labels);
                    return new RouteMatch(
                            route.name(),
                            route.path(),
                            GroupKeys.key(route, groupLabels),
                            groupLabels,
                            route.groupBy() == null ? List.of("...") : route.groupBy(),
                            GroupKeys.format(route.groupWait()),
                            GroupKeys.format(route.groupInterval()),
                            GroupKeys.format(route.repeatInterval()),
                            route.service(),
                            route.escalationPolicy(),
                            route.severity(),
                            route.runbook(),
                            route.diagnostics());
                })
                .toList();
    }
}
