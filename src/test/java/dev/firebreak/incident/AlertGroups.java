package dev.firebreak.incident;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes alert group events as the routing side does: inside a transaction, as durable
 * publications, then waits until their listeners completed (the registry deletes completed ones).
 */
public record AlertGroups(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {
    private static final AtomicLong LAST = new AtomicLong();

    /** A strictly later time for each event: incidents drop an event not later than one they applied. */
    public static Instant next() {
        return Instant.ofEpochMilli(LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    /** Publishes the event in a transaction and waits until every publication naming the needle completed. */
    public void publish(Object event, String needle) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                // Escalation's start on the opened incident too: its timeline note lands before the test reads on.
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?"
                                        + " or event_type like '%.IncidentsOpened'")
                                .param("%" + needle + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

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
        publish(new AlertGroupFiring(group, next()), needle(group));
    }

    /** Fires a new group of the service's alerts, with the runbook, and gives its incident's id. */
    public long openIncident(String service, String runbook, List<Alert> alerts) {
        String key = key();
        fire(new AlertGroup(key, "default", Map.of(), service, null, null, runbook, alerts));
        return jdbc.sql("select id from incidents where group_key = ? order by id desc")
                .param(key)
                .query(Long.class)
                .list()
                .getFirst();
    }

    public void resolve(AlertGroup group) {
        publish(new AlertGroupResolved(group, next()), needle(group));
    }

    /** The group key's unique part, as it appears in the serialized event. */
    private static String needle(AlertGroup group) {
        return group.groupKey().replaceAll(".*\"([^\"]+)\".*", "$1");
    }

    public static String key() {
        return "{}:{alertname=\"" + UUID.randomUUID() + "\"}";
    }
}
