package dev.firebreak.incident.internal;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertAcknowledged;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentChanged;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows alert groups: opens, updates, reopens and auto-resolves incidents, and acknowledges the
 * incident of an alert its sender acknowledged. Runs after the alert side committed.
 */
@Component
public class IncidentLifecycle {
    static final String SYSTEM = "firebreak";

    private final IncidentStore store;
    private final RunbookMatcher runbooks;
    private final IncidentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    IncidentLifecycle(
            IncidentStore store,
            RunbookMatcher runbooks,
            IncidentProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.runbooks = runbooks;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // The lock spans the whole transaction so two firings of a group cannot both open an incident;
    // across nodes the routing side's flush lease keeps one node firing groups at a time.
    @TransactionalEventListener(fallbackExecution = true)
    public synchronized void onFiring(AlertGroupFiring event) {
        transactions.executeWithoutResult(status -> firing(event));
    }

    private void firing(AlertGroupFiring event) {
        AlertGroup group = event.group();
        Instant now = clock.instant();
        Optional<Incident> latest = store.latestForGroup(group.groupKey());
        long id;
        if (latest.isPresent() && latest.get().state() != IncidentState.RESOLVED) {
            id = latest.get().id();
            addAlerts(id, group.alerts(), now);
        } else if (latest.isPresent()
                && latest.get().resolvedAt().plus(properties.reopenWindow()).isAfter(now)) {
            Incident incident = latest.get();
            id = incident.id();
            store.setState(id, IncidentState.TRIGGERED, now, SYSTEM);
            store.addTimeline(
                    id,
                    now,
                    SYSTEM,
                    "state",
                    "reopened: the group fired again within "
                            + properties.reopenWindow().toMinutes() + " minutes of being resolved",
                    Map.of("state", "triggered"));
            addAlerts(id, group.alerts(), now);
            events.publishEvent(
                    new IncidentOpened(id, incident.title(), incident.severity().name(), true));
        } else {
            id = open(group, now);
        }
        events.publishEvent(new IncidentChanged(id));
    }

    private long open(AlertGroup group, Instant now) {
        RunbookMatcher.Match runbook = runbooks.match(group);
        SeverityScheme scheme = runbooks.scheme(runbook == null ? null : runbook.slug());
        String source = severitySource(group, scheme);
        Severity severity = scheme.map(source);
        String title = title(group);
        long id = store.insert(
                group.groupKey(),
                title,
                group.route(),
                group.service(),
                group.escalationPolicy(),
                severity,
                runbook == null ? null : runbook.slug(),
                now);
        store.addTimeline(
                id, now, SYSTEM, "state", "opened for alert group " + group.groupKey(), Map.of("state", "triggered"));
        addAlerts(id, group.alerts(), now);
        if (runbook != null) {
            store.addTimeline(
                    id,
                    now,
                    SYSTEM,
                    "runbook",
                    "attached runbook " + runbook.title() + " (" + runbook.reason() + ")",
                    Map.of("slug", runbook.slug()));
        }
        store.addTimeline(
                id,
                now,
                SYSTEM,
                "severity",
                "severity " + severity.name()
                        + (severity.label() == null ? "" : " " + severity.label())
                        + (source == null ? " (no severity given)" : " (from " + source + ")")
                        + (scheme.builtIn() ? " on the built-in scheme" : " on the runbook's scheme"),
                Map.of("severity", severity.name()));
        events.publishEvent(new IncidentOpened(id, title, severity.name(), false));
        return id;
    }

    private void addAlerts(long id, List<Alert> alerts, Instant now) {
        for (Alert alert : alerts == null ? List.<Alert>of() : alerts) {
            if (store.putAlert(id, alert, now)) {
                String summary =
                        alert.annotations() == null ? null : alert.annotations().get("summary");
                store.addTimeline(
                        id,
                        now,
                        SYSTEM,
                        "alert",
                        "alert " + alert.name() + " " + alert.status().name().toLowerCase()
                                + (summary == null ? "" : ": " + summary),
                        Map.of("alertId", alert.id(), "fingerprint", alert.fingerprint()));
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public synchronized void onResolved(AlertGroupResolved event) {
        transactions.executeWithoutResult(status -> groupResolved(event));
    }

    private void groupResolved(AlertGroupResolved event) {
        Instant now = clock.instant();
        store.latestForGroup(event.group().groupKey())
                .filter(incident -> incident.state() != IncidentState.RESOLVED)
                .ifPresent(incident -> {
                    store.resolveAlerts(incident.id(), now);
                    store.setState(incident.id(), IncidentState.RESOLVED, now, SYSTEM);
                    store.addTimeline(
                            incident.id(),
                            now,
                            SYSTEM,
                            "state",
                            "resolved: all alerts resolved",
                            Map.of("state", "resolved"));
                    events.publishEvent(new IncidentResolved(incident.id(), SYSTEM));
                    events.publishEvent(new IncidentChanged(incident.id()));
                });
    }

    @TransactionalEventListener(fallbackExecution = true)
    public synchronized void onAlertResolved(AlertResolved event) {
        transactions.executeWithoutResult(status -> alertResolved(event));
    }

    private void alertResolved(AlertResolved event) {
        Alert alert = event.alert();
        Instant now = clock.instant();
        store.openWithAlert(alert.id()).ifPresent(incident -> {
            Alert resolved = alert.status() == AlertStatus.RESOLVED ? alert : alert.withStatus(AlertStatus.RESOLVED);
            store.putAlert(incident.id(), resolved, now);
            store.addTimeline(
                    incident.id(),
                    now,
                    SYSTEM,
                    "alert",
                    "alert " + alert.name() + " resolved",
                    Map.of("alertId", alert.id()));
            events.publishEvent(new IncidentChanged(incident.id()));
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    public synchronized void onAcknowledged(AlertAcknowledged event) {
        transactions.executeWithoutResult(status -> acknowledged(event));
    }

    private void acknowledged(AlertAcknowledged event) {
        Instant now = clock.instant();
        String by = event.by() == null || event.by().isBlank() ? "sender" : event.by();
        store.openWithAlert(event.alert().id())
                .filter(incident -> incident.state() == IncidentState.TRIGGERED)
                .ifPresent(incident -> {
                    store.setState(incident.id(), IncidentState.ACKNOWLEDGED, now, by);
                    store.addTimeline(
                            incident.id(),
                            now,
                            by,
                            "state",
                            "acknowledged by the sender of alert "
                                    + event.alert().name(),
                            Map.of(
                                    "state",
                                    "acknowledged",
                                    "alertId",
                                    event.alert().id()));
                    events.publishEvent(new IncidentAcknowledged(incident.id(), by));
                    events.publishEvent(new IncidentChanged(incident.id()));
                });
    }

    /** The route's severity, else the most severe {@code severity} (or {@code priority}) label. */
    static String severitySource(AlertGroup group, SeverityScheme scheme) {
        if (group.severity() != null && !group.severity().isBlank()) {
            return group.severity();
        }
        String best = null;
        for (Alert alert : group.alerts() == null ? List.<Alert>of() : group.alerts()) {
            String value =
                    alert.labels().getOrDefault("severity", alert.labels().get("priority"));
            if (value != null && !value.isBlank() && (best == null || scheme.rank(value) < scheme.rank(best))) {
                best = value;
            }
        }
        return best;
    }

    private static String title(AlertGroup group) {
        List<Alert> alerts = group.alerts() == null ? List.of() : group.alerts();
        if (alerts.isEmpty()) {
            return group.groupKey();
        }
        Alert first = alerts.getFirst();
        String summary =
                first.annotations() == null ? null : first.annotations().get("summary");
        String title = summary != null && !summary.isBlank() ? summary : first.name();
        long others = alerts.stream().map(Alert::name).distinct().count() - 1;
        return others > 0 ? title + " (+" + others + " more)" : title;
    }
}
