package dev.firebreak.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as Firebreak keeps it: identified by its fingerprint (Alertmanager's hash of the
 * sorted label set, or a hash of the integration and the PagerDuty dedup_key). Repeats update it.
 *
 * @param endsAt when the sender says it ends (resolved when in the past), or null
 * @param receiveCount how many times it was received, the first time included
 */
public record Alert(
        long id,
        String fingerprint,
        long integrationId,
        String dedupKey,
        Map<String, String> labels,
        Map<String, String> annotations,
        AlertStatus status,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl,
        int receiveCount,
        Instant firstReceivedAt,
        Instant lastReceivedAt) {

    /** The same alert in another status. */
    public Alert withStatus(AlertStatus newStatus) {
        return new Alert(
                id,
                fingerprint,
                integrationId,
                dedupKey,
                labels,
                annotations,
                newStatus,
                startsAt,
                endsAt,
                generatorUrl,
                receiveCount,
                firstReceivedAt,
                lastReceivedAt);
    }

    /** The alert name label, as Prometheus writes it. */
    public String name() {
        return labels.getOrDefault("alertname", labels.getOrDefault("summary", fingerprint));
    }
}
