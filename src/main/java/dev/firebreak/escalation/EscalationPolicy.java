package dev.firebreak.escalation;

import java.time.Duration;
import java.util.List;

/**
 * Ordered steps per severity, repeated {@code repeat} more times once the last step's delay ran out.
 * Acknowledge stops paging; an acknowledged incident that is neither resolved nor updated within
 * {@code ackTimeout} (null: never) is paged again from the first step; resolve stops everything.
 *
 * @param runbookSlug the runbook whose escalation matrix this policy follows, or null
 */
public record EscalationPolicy(
        String name, String description, int repeat, Duration ackTimeout, List<PolicyTier> tiers, String runbookSlug) {}
