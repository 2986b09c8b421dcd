package dev.firebreak.incident;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.AlertStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishes alert group events as the routing side will: inside a transaction, seen after commit. */
public record AlertGroups(ApplicationEventPublisher events, TransactionTemplate transactions) {

    public static Alert alert(String name, Map<String, String> extraLabels, Instant at) {
        return alert(name, extraLabels, at, name + " is firing");
    }

    /**
     * An alert with this summary. Runbook matching searches the name and summary, so tests that
     * must stay on the built-in severity scheme pass made-up words only: common ones ("is") match
     * runbooks other tests left in the shared database.
     */
    public static Alert alert(String name, Map<String, String> extraLabels, Instant at, String summary) {
        var labels = new java.util.HashMap<>(Map.of("alertname", name));
        labels.putAll(extraLabels);
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        return new Alert(
                id,
                UUID.randomUUID().toString().substring(0, 16),
                1,
                null,
                Map.copyOf(labels),
                Map.of("summary", summary),
                AlertStatus.FIRING,
                at,
                null,
                null,
                1,
                at,
                at);
    }

    public static AlertGroup group(String key, String severity, String runbook, List<Alert> alerts) {
        return new AlertGroup(key, "default", Map.of(), "checkout", "primary", severity, runbook, alerts);
    }

    public void fire(AlertGroup group) {
        transactions.executeWithoutResult(status -> events.publishEvent(new AlertGroupFiring(group)));
    }

    public void resolve(AlertGroup group) {
        transactions.executeWithoutResult(status -> events.publishEvent(new AlertGroupResolved(group)));
    }

    public static String key() {
        return "{}:{alertname=\"" + UUID.randomUUID() + "\"}";
    }
}
