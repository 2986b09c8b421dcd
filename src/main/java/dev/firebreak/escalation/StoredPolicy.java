package dev.firebreak.escalation;

import java.time.Instant;
import java.util.List;

/**
 * A saved policy with its bookkeeping.
 *
 * @param version 1 when created, one more on each save
 * @param findings what works but deserves a look (a role with no mapping yet); never blocks a save
 */
public record StoredPolicy(
        EscalationPolicy policy, int version, Instant updatedAt, String updatedBy, List<String> findings) {
    public String name() {
        return policy.name();
    }
}
