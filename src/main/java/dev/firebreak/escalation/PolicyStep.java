package dev.firebreak.escalation;

import java.time.Duration;
import java.util.List;

/** One step: page its targets, then wait {@code delay} for an acknowledge before the next step. */
public record PolicyStep(List<StepTarget> targets, Duration delay) {}
