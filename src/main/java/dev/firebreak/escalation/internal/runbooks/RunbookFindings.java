package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.alert.PolicyReference;
import dev.firebreak.alert.RoutingConfigs;
import dev.firebreak.escalation.EscalationFinding;
import dev.firebreak.escalation.EscalationFinding.Kind;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.RoleMappings;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.escalation.internal.runbooks.RunbookLinkStore.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The findings of {@code RunbookEscalation}, worked out from links, policies, mappings and routes. */
@Component
public class RunbookFindings {
    private final RunbookLinkStore links;
    private final EscalationPolicies policies;
    private final RoleMappings roles;
    private final RoutingConfigs routing;

    RunbookFindings(RunbookLinkStore links, EscalationPolicies policies, RoleMappings roles, RoutingConfigs routing) {
        this.links = links;
        this.policies = policies;
        this.roles = roles;
        this.routing = routing;
    }

    public List<EscalationFinding> all() {
        List<EscalationFinding> findings = new ArrayList<>();
        Map<String, String> runbookOf = new HashMap<>();
        for (Link link : links.list()) {
            runbookOf.put(link.policy(), link.runbookSlug());
            Optional<StoredPolicy> current = find(link.policy());
            String slug = link.runbookSlug();
            if (current.isEmpty()) {
                findings.add(new EscalationFinding(
                        Kind.POLICY_DELETED,
                        link.policy(),
                        slug,
                        null,
                        "policy '" + link.policy() + "' made from runbook '" + slug + "' was deleted; create it"
                                + " from the runbook again to page by its matrix"));
            }
            if (link.runbookDeletedAt() != null) {
                findings.add(new EscalationFinding(
                        Kind.RUNBOOK_DELETED,
                        link.policy(),
                        slug,
                        null,
                        "runbook '" + slug + "' was deleted; policy '" + link.policy() + "' keeps its last steps"));
            } else if (link.matrixSummary().isEmpty()) {
                findings.add(new EscalationFinding(
                        Kind.MATRIX_REMOVED,
                        link.policy(),
                        slug,
                        null,
                        "runbook '" + slug + "' no longer has an escalation matrix; policy '" + link.policy()
                                + "' keeps its last steps"));
            } else if (link.pendingVersion() != null && current.isPresent()) {
                findings.add(new EscalationFinding(
                        Kind.DETACHED_MATRIX_CHANGED,
                        link.policy(),
                        slug,
                        null,
                        "runbook '" + slug + "' v" + link.pendingVersion() + " changed its escalation matrix, but"
                                + " policy '" + link.policy() + "' was edited by hand and kept its steps; create it"
                                + " from the runbook again to follow the matrix"));
            }
        }
        for (StoredPolicy stored : policies.list()) {
            Set<String> unmapped = new LinkedHashSet<>();
            for (PolicyTier tier : stored.policy().tiers()) {
                for (PolicyStep step : tier.steps()) {
                    for (StepTarget target : step.targets()) {
                        if (target.kind() == StepTarget.Kind.ROLE
                                && roles.resolve(target.name()).isEmpty()) {
                            unmapped.add(target.name());
                        }
                    }
                }
            }
            String slug = runbookOf.getOrDefault(stored.name(), stored.policy().runbookSlug());
            for (String role : unmapped) {
                findings.add(new EscalationFinding(
                        Kind.UNMAPPED_ROLE,
                        stored.name(),
                        slug,
                        role,
                        "role '" + role + "' of policy '" + stored.name() + "' has no mapping; its steps page"
                                + " nobody until it is mapped to a schedule, user or team"));
            }
        }
        for (PolicyReference reference : routing.policyReferences()) {
            if (!policies.exists(reference.policy())) {
                findings.add(new EscalationFinding(
                        Kind.ROUTE_POLICY_MISSING,
                        reference.policy(),
                        null,
                        null,
                        "route " + reference.route() + " (line " + reference.line() + ") names escalation policy '"
                                + reference.policy() + "', which does not exist"));
            }
        }
        return findings;
    }

    private Optional<StoredPolicy> find(String name) {
        return policies.exists(name) ? Optional.of(policies.get(name)) : Optional.empty();
    }
}
