package dev.firebreak.alert.internal.store;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as a sender reported it, parsed and validated, ready for the writer.
 *
 * @param timeoutAt when it resolves unless refreshed, or null for never
 * @param sender the integration's name, recorded as who acknowledged
 */
public record AlertWrite(
        Action action,
        String fingerprint,
        long integrationId,
        String sender,
        String dedupKey,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        Instant timeoutAt,
        String generatorUrl) {

    public enum Action {
        /** Create the alert or refresh the firing one with this fingerprint. */
        FIRE,
        /** Resolve the firing alert with this fingerprint, if any. */
        RESOLVE,
        /** Acknowledge the firing alert with this fingerprint, if any (PagerDuty). */
        ACKNOWLEDGE
    }
}
