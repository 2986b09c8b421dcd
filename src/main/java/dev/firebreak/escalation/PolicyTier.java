package dev.firebreak.escalation;

import java.time.Duration;
import java.util.List;

/**
 * The steps for incidents of one severity ({@code severity} matches a level's name or label, e.g.
 * {@code P0} or {@code Critical}); {@code severity} null is the tier for every other severity.
 *
 * @param responseTarget the runbook's response target, shown on the incident page, or null
 */
public record PolicyTier(String severity, Duration responseTarget, List<PolicyStep> steps) {}
