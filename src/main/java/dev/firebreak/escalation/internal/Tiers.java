package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.incident.Severity;

/** Which tier of a policy an incident's severity uses. */
final class Tiers {
    private Tiers() {}

    /** The tier naming the severity's level or label (any case), else the default tier, else the first. */
    static PolicyTier tierFor(EscalationPolicy policy, Severity severity) {
        if (severity != null) {
            for (PolicyTier tier : policy.tiers()) {
                if (tier.severity() != null
                        && (tier.severity().equalsIgnoreCase(severity.name())
                                || (severity.label() != null && tier.severity().equalsIgnoreCase(severity.label())))) {
                    return tier;
                }
            }
        }
        for (PolicyTier tier : policy.tiers()) {
            if (tier.severity() == null) {
                return tier;
            }
        }
        return policy.tiers().getFirst();
    }
}
