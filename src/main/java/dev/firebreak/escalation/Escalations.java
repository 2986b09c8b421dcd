package dev.firebreak.escalation;

import dev.firebreak.escalation.internal.EscalationEngine;
import dev.firebreak.escalation.internal.EscalationStateStore;
import dev.firebreak.escalation.internal.EscalationWatch;
import dev.firebreak.escalation.internal.PolicyStore;
import dev.firebreak.escalation.internal.StateRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** How the incident page, the dashboard and notify read escalations, and notify's one command. */
@Service
public class Escalations {
    private final EscalationStateStore states;
    private final PolicyStore policies;
    private final EscalationEngine engine;
    private final Clock clock;

    Escalations(EscalationStateStore states, PolicyStore policies, EscalationEngine engine, Clock clock) {
        this.states = states;
        this.policies = policies;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Nobody paged at advance {@code seq} can be reached (every rule failed for good): the next step
     * now. Runs in the caller's transaction; nothing when the escalation has moved on.
     */
    public void advanceUnreachable(long incidentId, int seq) {
        engine.unreachable(incidentId, seq);
    }

    /** The incident's escalation in its current cycle, with every page so far; empty before it started. */
    public Optional<EscalationStatus> status(long incidentId) {
        Optional<StateRow> found = states.find(incidentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StateRow row = found.get();
        Optional<EscalationPolicy> policy = policies.find(row.policy()).map(StoredPolicy::policy);
        PolicyTier tier = policy.flatMap(p -> p.tiers().stream()
                        .filter(t -> t.severity() == null
                                ? row.tierSeverity() == null
                                : t.severity().equalsIgnoreCase(row.tierSeverity()))
                        .findFirst())
                .orElse(null);
        List<StepTarget> targets = tier != null && row.step() < tier.steps().size()
                ? tier.steps().get(row.step()).targets()
                : List.of();
        return Optional.of(new EscalationStatus(
                incidentId,
                row.cycle(),
                row.policy().isEmpty() ? null : row.policy(),
                row.tierSeverity(),
                row.step(),
                tier == null ? 0 : tier.steps().size(),
                targets,
                row.loop(),
                policy.map(EscalationPolicy::repeat).orElse(0),
                row.status(),
                row.status() == EscalationState.ACTIVE ? row.nextStepAt() : null,
                row.status() == EscalationState.ACKNOWLEDGED ? row.ackTimeoutAt() : null,
                states.pages(incidentId)));
    }

    public List<Page> pages(long incidentId) {
        return states.pages(incidentId);
    }

    /** Pages due in {@code [from, to)}, oldest first: notify's work list. */
    public List<Page> pagesDue(Instant from, Instant to) {
        return states.pagesDue(from, to);
    }

    /** Every page after {@code afterId}, by id, at most {@code limit} (1..5000): an export for tools and benchmarks. */
    public List<Page> pagesAfter(long afterId, int limit) {
        if (limit < 1 || limit > 5000) {
            throw new dev.firebreak.platform.FirebreakException.BadInput("limit", "limit must be between 1 and 5000");
        }
        return states.pagesAfter(afterId, limit);
    }

    /** Active escalations whose next step is more than 30 s late: the timers are not running. */
    public List<OverdueEscalation> overdue() {
        return states.overdue(clock.instant().minus(EscalationWatch.GRACE));
    }
}
