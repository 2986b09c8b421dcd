package dev.firebreak.escalation;

import dev.firebreak.escalation.internal.EscalationStateStore;
import dev.firebreak.escalation.internal.PolicyStore;
import dev.firebreak.escalation.internal.PolicyValidation;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation policies: create or replace (whole, in one transaction, version + 1), read, delete.
 * A policy is checked before anything is written; a rejected one leaves the stored one as it was.
 */
@Service
public class EscalationPolicies {
    private final PolicyStore store;
    private final PolicyValidation validation;
    private final EscalationStateStore states;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationPolicies(
            PolicyStore store,
            PolicyValidation validation,
            EscalationStateStore states,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.validation = validation;
        this.states = states;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the policy or replaces the one of that name; incidents already paging use it from their next step. */
    @Transactional
    public StoredPolicy save(EscalationPolicy policy, String actor) {
        EscalationPolicy checked = validation.check(policy);
        int version = store.save(checked, actor, clock.instant());
        events.publishEvent(new EscalationPolicyChanged(checked.name(), version, false, actor));
        return get(checked.name());
    }

    public StoredPolicy get(String name) {
        return store.find(name == null ? "" : name.strip())
                .map(this::withFindings)
                .orElseThrow(() -> new FirebreakException.NotFound("no escalation policy '" + name + "'"));
    }

    public boolean exists(String name) {
        return name != null && store.find(name.strip()).isPresent();
    }

    public List<StoredPolicy> list() {
        return store.list().stream().map(this::withFindings).toList();
    }

    /** Findings of a policy without saving it (a role with no mapping yet). */
    public List<String> findings(EscalationPolicy policy) {
        return validation.findings(policy);
    }

    /**
     * Deletes a policy that no other policy pages (409 otherwise); incidents it is paging stop at
     * their next step, which the answer warns about.
     */
    @Transactional
    public PolicyDeletion delete(String name, String actor) {
        StoredPolicy existing = get(name);
        List<String> referencing = store.referencing(existing.name());
        if (!referencing.isEmpty()) {
            throw new FirebreakException.Conflict("policy '" + existing.name() + "' is paged by "
                    + String.join(", ", referencing) + "; change those first");
        }
        List<String> warnings = new ArrayList<>();
        long live = states.countLive(existing.name());
        if (live > 0) {
            warnings.add(live + " open incident(s) escalate with '" + existing.name()
                    + "'; they stop paging at their next step");
        }
        store.delete(existing.name());
        events.publishEvent(new EscalationPolicyChanged(existing.name(), existing.version(), true, actor));
        return new PolicyDeletion(existing.name(), List.copyOf(warnings));
    }

    private StoredPolicy withFindings(StoredPolicy stored) {
        return new StoredPolicy(
                stored.policy(),
                stored.version(),
                stored.updatedAt(),
                stored.updatedBy(),
                validation.findings(stored.policy()));
    }
}
