package dev.firebreak.escalation;

import dev.firebreak.escalation.internal.runbooks.RoleNames;
import dev.firebreak.escalation.internal.runbooks.RunbookFindings;
import dev.firebreak.escalation.internal.runbooks.RunbookLinkStore;
import dev.firebreak.escalation.internal.runbooks.RunbookLinkStore.Link;
import dev.firebreak.escalation.internal.runbooks.RunbookPolicySync;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation policies made from runbooks' escalation matrices: create one on request, the sync
 * audit, the roles runbooks name, and the findings an admin should act on (docs/escalation-from-runbooks.md).
 */
@Service
public class RunbookEscalation {
    static final int HISTORY = 50;

    private final RunbookPolicySync sync;
    private final RunbookFindings findings;
    private final RunbookLinkStore links;
    private final EscalationPolicies policies;
    private final RoleMappings roles;
    private final RunbookLibrary library;

    RunbookEscalation(
            RunbookPolicySync sync,
            RunbookFindings findings,
            RunbookLinkStore links,
            EscalationPolicies policies,
            RoleMappings roles,
            RunbookLibrary library) {
        this.sync = sync;
        this.findings = findings;
        this.links = links;
        this.policies = policies;
        this.roles = roles;
        this.library = library;
    }

    /**
     * Creates the runbook's policy from its escalation matrix, updates it, or makes a detached one
     * follow the runbook again (keeping its repeat and acknowledge timeout).
     *
     * @throws FirebreakException.NotFound no such runbook
     * @throws FirebreakException.BadInput the runbook has no escalation matrix
     * @throws FirebreakException.Conflict a policy of that name exists and follows no runbook
     */
    public RunbookPolicy createFromRunbook(String slug, String actor) {
        return sync.createFromRunbook(slug, actor);
    }

    /** What syncs did to a policy, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<RunbookSync> history(String policy) {
        return links.history(policy, HISTORY);
    }

    /** The runbook a policy follows, if it was made from one. */
    @Transactional(readOnly = true)
    public Optional<PolicyOrigin> origin(String policy) {
        return links.byPolicy(policy).map(link -> origin(link, find(link.policy())));
    }

    /** Every runbook-backed policy's origin, by runbook slug. */
    @Transactional(readOnly = true)
    public List<PolicyOrigin> origins() {
        return links.list().stream()
                .map(link -> origin(link, find(link.policy())))
                .toList();
    }

    /** Roles named on runbooks' escalation paths, one per role key, with their mapping. */
    @Transactional(readOnly = true)
    public List<RunbookRole> knownRoles() {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        Map<String, Set<String>> runbooks = new HashMap<>();
        for (RunbookSummary summary : library.list()) {
            List<RunbookModel.EscalationStep> matrix;
            try {
                matrix = library.get(summary.slug()).model().escalationMatrix();
            } catch (FirebreakException.NotFound e) {
                continue; // deleted meanwhile
            }
            for (RunbookModel.EscalationStep row : matrix == null ? List.<RunbookModel.EscalationStep>of() : matrix) {
                for (String step : row.path() == null ? List.<String>of() : row.path()) {
                    String role = RoleNames.display(step);
                    String key = RoleNames.key(role);
                    if (key.isEmpty()) {
                        continue;
                    }
                    List<String> names = spellings.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!names.contains(role)) {
                        names.add(role);
                    }
                    runbooks.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(summary.slug());
                }
            }
        }
        return spellings.entrySet().stream()
                .map(e -> new RunbookRole(
                        e.getValue().getFirst(),
                        List.copyOf(e.getValue()),
                        List.copyOf(runbooks.get(e.getKey())),
                        resolved(e.getValue())))
                .toList();
    }

    /**
     * Maps a role and every spelling of it that runbooks use ("On-call", "Oncall") to one target,
     * in one transaction.
     */
    @Transactional
    public void mapRole(String role, StepTarget target, String actor) {
        for (String spelling : spellings(role)) {
            roles.set(spelling, target, actor);
        }
    }

    /** Removes the mappings of a role and of its spellings. */
    @Transactional
    public void unmapRole(String role, String actor) {
        boolean removed = false;
        for (String spelling : spellings(role)) {
            if (roles.get(spelling).isPresent()) {
                roles.remove(spelling, actor);
                removed = true;
            }
        }
        if (!removed) {
            throw new FirebreakException.NotFound("no role mapping for '" + RoleNames.display(role) + "'");
        }
    }

    /** Everything about policies and runbooks an admin should act on; fixing a cause clears its finding. */
    @Transactional(readOnly = true)
    public List<EscalationFinding> findings() {
        return findings.all();
    }

    private PolicyOrigin origin(Link link, Optional<StoredPolicy> current) {
        return new PolicyOrigin(
                link.policy(),
                link.runbookSlug(),
                link.runbookVersion(),
                !RunbookPolicySync.detached(link, current),
                link.pendingVersion(),
                link.runbookDeletedAt() != null);
    }

    private Optional<StoredPolicy> find(String name) {
        return policies.exists(name) ? Optional.of(policies.get(name)) : Optional.empty();
    }

    private StepTarget resolved(List<String> spellings) {
        for (String spelling : spellings) {
            Optional<RoleMapping> mapping = roles.get(spelling);
            if (mapping.isPresent()) {
                return mapping.get().target();
            }
        }
        return null;
    }

    /** The role as given and every spelling runbooks use for it. */
    private List<String> spellings(String role) {
        String display = RoleNames.display(role);
        if (RoleNames.key(display).isEmpty()) {
            throw new FirebreakException.BadInput("role", "a role mapping needs a role name");
        }
        Set<String> all = new LinkedHashSet<>(List.of(display));
        knownRoles().stream()
                .filter(known -> RoleNames.key(known.role()).equals(RoleNames.key(display)))
                .forEach(known -> all.addAll(known.spellings()));
        return List.copyOf(all);
    }
}
