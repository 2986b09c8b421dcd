package dev.firebreak.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An incident's escalation as the incident page shows it.
 *
 * @param tier the severity of the tier in use, or null for the policy's default tier
 * @param step the step last paged, from 0
 * @param stepTargets that step's targets as the policy says them (they resolve when the step runs)
 * @param nextStepAt when the next step (or the end) is due while {@code ACTIVE}, else null
 * @param ackTimeoutAt when an acknowledged incident is paged again, or null
 * @param pages every page of the incident, oldest first
 */
public record EscalationStatus(
        long incidentId,
        int cycle,
        String policy,
        String tier,
        int step,
        int steps,
        List<StepTarget> stepTargets,
        int loop,
        int repeat,
        EscalationState state,
        Instant nextStepAt,
        Instant ackTimeoutAt,
        List<Page> pages) {}
