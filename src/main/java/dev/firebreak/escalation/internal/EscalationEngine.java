package dev.firebreak.escalation.internal;

import static dev.firebreak.escalation.internal.EscalationTimers.ACK_TIMEOUT;
import static dev.firebreak.escalation.internal.EscalationTimers.STEP;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationState;
import dev.firebreak.escalation.PageReason;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.EscalationEnded.Why;
import dev.firebreak.oncall.PeopleDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The per-incident escalation: every transition locks the incident's state row, checks it is the
 * state the caller expects (so a second delivery or a stale timer changes nothing), and commits the
 * pages, the timeline entry, the new state and the next timer together. Callers hold the transaction.
 */
@Component
public class EscalationEngine {
    private final EscalationStateStore states;
    private final PolicyStore policies;
    private final StepRunner steps;
    private final Incidents incidents;
    private final PeopleDirectory people;
    private final SchedulerClient scheduler;
    private final EscalateRequests requests;
    private final Clock clock;

    EscalationEngine(
            EscalationStateStore states,
            PolicyStore policies,
            StepRunner steps,
            Incidents incidents,
            PeopleDirectory people,
            SchedulerClient scheduler,
            EscalateRequests requests,
            Clock clock) {
        this.states = states;
        this.policies = policies;
        this.steps = steps;
        this.incidents = incidents;
        this.people = people;
        this.scheduler = scheduler;
        this.requests = requests;
        this.clock = clock;
    }

    /** The incident opened or reopened: a fresh state for its cycle, step 0 paged now. */
    void opened(long incidentId) {
        Incident incident = incidents.get(incidentId);
        int cycle = incident.reopenCount() + 1;
        Optional<StateRow> existing = states.lock(incidentId);
        if (incident.state() == IncidentState.RESOLVED
                || existing.map(row -> row.cycle() >= cycle).orElse(false)) {
            return;
        }
        Instant now = now();
        int seq = existing.map(StateRow::seq).orElse(0);
        existing.ifPresent(this::cancelTimers);
        String name = policyName(incident);
        Optional<StoredPolicy> policy = name == null ? Optional.empty() : policies.find(name);
        if (policy.isEmpty()) {
            states.put(
                    new StateRow(
                            incidentId,
                            cycle,
                            name == null ? "" : name,
                            null,
                            0,
                            0,
                            seq + 1,
                            EscalationState.STOPPED,
                            null,
                            null),
                    now);
            incidents.recordEscalation(
                    incidentId,
                    name == null
                            ? "no escalation policy; nobody was paged"
                            : "escalation policy '" + name + "' does not exist; nobody was paged",
                    new TimelineDetail.EscalationEnded(name, Why.NO_POLICY));
            return;
        }
        EscalationPolicy chosen = policy.get().policy();
        PolicyTier tier = Tiers.tierFor(chosen, incident.severity());
        StateRow row = new StateRow(
                incidentId, cycle, chosen.name(), tier.severity(), 0, 0, seq, EscalationState.ACTIVE, null, null);
        if (incident.state() == IncidentState.ACKNOWLEDGED) {
            // Acknowledged before this event was handled: nobody needs paging, the ack timeout still applies.
            acknowledgedRow(row.bumped(), chosen, incident, now);
            return;
        }
        steps.runFrom(row, chosen, incident, 0, 0, PageReason.STEP, now);
    }

    /**
     * Notify could reach nobody paged at advance {@code seq}: the next step now rather than after
     * the delay. Nothing when the escalation moved on since.
     */
    public void unreachable(long incidentId, int seq) {
        Optional<StateRow> locked = states.lock(incidentId);
        if (locked.isEmpty() || locked.get().seq() != seq || locked.get().status() != EscalationState.ACTIVE) {
            return;
        }
        incidents.recordEscalation(
                incidentId,
                "nobody paged at step " + (locked.get().step() + 1) + " could be reached; next step now",
                new TimelineDetail.StepSkipped(
                        locked.get().policy(), locked.get().step(), locked.get().loop(), "unreachable"));
        cancelTimers(locked.get());
        stepDue(incidentId, seq);
    }

    /** A step's delay ran out without an acknowledge: the next step (or repeat, or the end). */
    void stepDue(long incidentId, int seq) {
        Optional<StateRow> locked = states.lock(incidentId);
        if (locked.isEmpty() || locked.get().seq() != seq || locked.get().status() != EscalationState.ACTIVE) {
            return;
        }
        StateRow row = locked.get();
        Incident incident = incidents.get(incidentId);
        Optional<EscalationPolicy> policy = livePolicy(row, incident);
        if (policy.isEmpty()) {
            return;
        }
        steps.runFrom(row, policy.get(), incident, row.step() + 1, row.loop(), PageReason.STEP, now());
    }

    void acknowledged(long incidentId) {
        Incident incident = incidents.get(incidentId);
        Optional<StateRow> locked = states.lock(incidentId);
        if (locked.isEmpty()
                || incident.state() != IncidentState.ACKNOWLEDGED
                || locked.get().cycle() != incident.reopenCount() + 1
                || (locked.get().status() != EscalationState.ACTIVE
                        && locked.get().status() != EscalationState.EXHAUSTED)) {
            return;
        }
        StateRow row = locked.get();
        cancelTimers(row);
        Optional<StoredPolicy> policy = policies.find(row.policy());
        if (policy.isEmpty()) {
            states.put(row.bumped().with(EscalationState.STOPPED, row.step(), row.loop(), null, null), now());
            return;
        }
        acknowledgedRow(row.bumped(), policy.get().policy(), incident, now());
    }

    /**
     * The ack timeout came due. A person's note, severity change, role or runbook after the
     * acknowledge counts as working on it and pushes the timeout out from that entry; alerts do not.
     */
    void ackTimeoutDue(long incidentId, int seq) {
        Optional<StateRow> locked = states.lock(incidentId);
        if (locked.isEmpty() || locked.get().seq() != seq || locked.get().status() != EscalationState.ACKNOWLEDGED) {
            return;
        }
        StateRow row = locked.get();
        Incident incident = incidents.get(incidentId);
        if (incident.state() != IncidentState.ACKNOWLEDGED) {
            return;
        }
        Optional<EscalationPolicy> policy = livePolicy(row, incident);
        if (policy.isEmpty() || policy.get().ackTimeout() == null) {
            return;
        }
        Instant now = now();
        Instant deadline = lastWorkedOn(incident).plus(policy.get().ackTimeout());
        if (deadline.isAfter(now)) {
            StateRow pushed = row.bumped().with(EscalationState.ACKNOWLEDGED, row.step(), row.loop(), null, deadline);
            states.put(pushed, now);
            EscalationTimers.schedule(scheduler, ACK_TIMEOUT, incidentId, pushed.seq(), deadline);
            return;
        }
        if (!incidents.retriggerAfterAckTimeout(incidentId, policy.get().ackTimeout())) {
            return;
        }
        steps.runFrom(row, policy.get(), incidents.get(incidentId), 0, 0, PageReason.ACK_TIMEOUT, now);
    }

    void resolved(long incidentId) {
        Incident incident = incidents.get(incidentId);
        Optional<StateRow> locked = states.lock(incidentId);
        if (locked.isEmpty()
                || incident.state() != IncidentState.RESOLVED
                || locked.get().status() == EscalationState.STOPPED) {
            return;
        }
        StateRow row = locked.get();
        cancelTimers(row);
        states.put(row.bumped().with(EscalationState.STOPPED, row.step(), row.loop(), null, null), now());
    }

    /**
     * A person pressed Escalate: the next step now, also on an acknowledged or exhausted incident.
     * Once per request: a second delivery of {@code request} (null: a request stored without an id)
     * changes nothing.
     */
    void escalateNow(long incidentId, UUID request) {
        Incident incident = incidents.get(incidentId);
        Optional<StateRow> locked = states.lock(incidentId);
        if (request != null && !requests.claim(request, incidentId, now())) {
            return;
        }
        if (incident.state() == IncidentState.RESOLVED) {
            return;
        }
        if (locked.isEmpty() || locked.get().cycle() != incident.reopenCount() + 1) {
            return;
        }
        StateRow row = locked.get();
        if (row.status() == EscalationState.STOPPED) {
            incidents.recordEscalation(
                    incidentId,
                    "no escalation policy to escalate with; nobody was paged",
                    new TimelineDetail.EscalationEnded(row.policy().isEmpty() ? null : row.policy(), Why.NO_POLICY));
            return;
        }
        Optional<EscalationPolicy> policy = livePolicy(row, incident);
        if (policy.isEmpty()) {
            return;
        }
        cancelTimers(row);
        int count = Tiers.tierFor(policy.get(), incident.severity()).steps().size();
        boolean last = row.step() + 1 >= count && row.loop() >= policy.get().repeat();
        // Past the last step and repeat, the last step is paged again: the person asked for somebody.
        int next = last ? count - 1 : row.step() + 1;
        steps.runFrom(row, policy.get(), incident, next, row.loop(), PageReason.ESCALATE_NOW, now());
    }

    private void acknowledgedRow(StateRow row, EscalationPolicy policy, Incident incident, Instant now) {
        Instant timeout = policy.ackTimeout() == null
                ? null
                : (incident.acknowledgedAt() == null ? now : incident.acknowledgedAt()).plus(policy.ackTimeout());
        StateRow acked = row.with(EscalationState.ACKNOWLEDGED, row.step(), row.loop(), null, timeout);
        states.put(acked, now);
        if (timeout != null) {
            EscalationTimers.schedule(scheduler, ACK_TIMEOUT, acked.incidentId(), acked.seq(), timeout);
        }
    }

    /** The row's policy, or empty after stopping the escalation because it was deleted. */
    private Optional<EscalationPolicy> livePolicy(StateRow row, Incident incident) {
        Optional<StoredPolicy> policy = policies.find(row.policy());
        if (policy.isPresent()) {
            return Optional.of(policy.get().policy());
        }
        cancelTimers(row);
        states.put(row.bumped().with(EscalationState.STOPPED, row.step(), row.loop(), null, null), now());
        incidents.recordEscalation(
                incident.id(),
                "escalation policy '" + row.policy() + "' was deleted; paging stopped",
                new TimelineDetail.EscalationEnded(row.policy(), Why.POLICY_DELETED));
        return Optional.empty();
    }

    private Instant lastWorkedOn(Incident incident) {
        Instant last = incident.acknowledgedAt() == null ? incident.updatedAt() : incident.acknowledgedAt();
        List<dev.firebreak.incident.TimelineEntry> timeline =
                incidents.details(incident.id()).timeline();
        for (var entry : timeline) {
            boolean work =
                    switch (entry.kind()) {
                        case NOTE, ROLE, SEVERITY, RUNBOOK -> true;
                        default -> false;
                    };
            // A person's work: the product's own entries (actor firebreak) do not hold paging off.
            if (work && !"firebreak".equals(entry.actor()) && entry.at().isAfter(last)) {
                last = entry.at();
            }
        }
        return last;
    }

    /**
     * Milliseconds, as the columns keep them: a due time the database rounded past the clock would
     * fire a poll late, and a test clock set to a stored time would never reach it.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void cancelTimers(StateRow row) {
        EscalationTimers.cancel(scheduler, STEP, row.incidentId(), row.seq());
        EscalationTimers.cancel(scheduler, ACK_TIMEOUT, row.incidentId(), row.seq());
    }

    private String policyName(Incident incident) {
        if (incident.escalationPolicy() != null && !incident.escalationPolicy().isBlank()) {
            return incident.escalationPolicy().strip();
        }
        if (incident.service() == null || incident.service().isBlank()) {
            return null;
        }
        return people.serviceEscalationPolicy(incident.service()).orElse(null);
    }
}
