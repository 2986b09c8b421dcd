package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.alert.RouteReferences;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.RunbookPolicyProperties;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The names a route may give as {@code escalation_policy}: an existing policy, or {@code
 * runbook.<slug>} of a runbook whose matrix makes one (its policy may be a moment behind the runbook).
 */
@Component
class RoutePolicyCheck implements RouteReferences {
    private final EscalationPolicies policies;
    private final RunbookLibrary library;
    private final RunbookLinkStore links;
    private final RunbookPolicyProperties properties;

    RoutePolicyCheck(
            EscalationPolicies policies,
            RunbookLibrary library,
            RunbookLinkStore links,
            RunbookPolicyProperties properties) {
        this.policies = policies;
        this.library = library;
        this.links = links;
        this.properties = properties;
    }

    @Override
    public Optional<String> problemWithPolicy(String name) {
        String slug = RunbookPolicies.slugOf(name);
        // The link is read before the policy: a sync committing in between makes both at once, so a
        // link seen here means its policy is seen below unless somebody deleted it.
        boolean linked = slug != null && links.find(slug).isPresent();
        if (policies.exists(name)) {
            return Optional.empty();
        }
        if (slug == null) {
            return Optional.of("no escalation policy '" + name + "'");
        }
        RunbookDocument runbook;
        try {
            runbook = library.get(slug);
        } catch (FirebreakException e) {
            return Optional.of("no escalation policy '" + name + "' and no runbook '" + slug + "' to make it from");
        }
        if (RunbookPolicies.fromMatrix(slug, null, runbook.model().escalationMatrix())
                .tiers()
                .isEmpty()) {
            return Optional.of("no escalation policy '" + name + "'; runbook '" + slug
                    + "' has no escalation matrix to make it from");
        }
        if (linked) {
            return Optional.of("escalation policy '" + name + "' was deleted; create it from runbook '" + slug
                    + "' again (POST /api/v1/escalation-policies/from-runbook/" + slug + ")");
        }
        if (!properties.autoCreate()) {
            return Optional.of("no escalation policy '" + name + "' yet; create it from runbook '" + slug
                    + "' first (POST /api/v1/escalation-policies/from-runbook/" + slug + ")");
        }
        return Optional.empty();
    }
}
