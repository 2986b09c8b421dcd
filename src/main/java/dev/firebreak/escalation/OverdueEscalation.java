package dev.firebreak.escalation;

import java.time.Instant;

/** An active escalation whose next step should have run by now and has not: the timers are behind. */
public record OverdueEscalation(long incidentId, String policy, int step, Instant nextStepAt) {}
