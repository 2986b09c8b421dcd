package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.EscalationState;
import java.time.Instant;

/** The engine's row for one incident (its current cycle). */
public record StateRow(
        long incidentId,
        int cycle,
        String policy,
        String tierSeverity,
        int loop,
        int step,
        int seq,
        EscalationState status,
        Instant nextStepAt,
        Instant ackTimeoutAt) {

    StateRow with(EscalationState status, int step, int loop, Instant nextStepAt, Instant ackTimeoutAt) {
        return new StateRow(incidentId, cycle, policy, tierSeverity, loop, step, seq, status, nextStepAt, ackTimeoutAt);
    }

    StateRow bumped() {
        return new StateRow(
                incidentId, cycle, policy, tierSeverity, loop, step, seq + 1, status, nextStepAt, ackTimeoutAt);
    }
}
