package dev.firebreak.incident.internal;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertAcknowledged;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.AlertGroupsFiring;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentChanged;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.IncidentsOpened;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.StateChange.Cause;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the alert side: opens, updates, reopens and auto-resolves incidents, and acknowledges the
 * incident of an alert its sender acknowledged. Every handler is a durable publication: it runs
 * after the alert side committed, off its thread, and is retried until it completes, so each one
 * is idempotent (a group event older than the incident's last is dropped; transitions are
 * conditional). Nothing here is locked in memory: several nodes may run these at once.
 */
@Component
public class IncidentLifecycle {
    static final String SYSTEM = "firebreak";
    private static final int RACE_ATTEMPTS = 5;

    private final IncidentStore store;
    private final AppliedGroupEvents applied;
    private final SenderAcks acks;
    private final IncidentOpening opening;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    IncidentLifecycle(
            IncidentStore store,
            AppliedGroupEvents applied,
            SenderAcks acks,
            IncidentOpening opening,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.applied = applied;
        this.acks = acks;
        this.opening = opening;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    // Each handler runs its own transactions (NOT_SUPPORTED: the handler opens its own), so a lost
    // race is retried in a fresh one and a kept acknowledge is checked after the incident commits.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void onFiring(AlertGroupFiring event) {
        open(List.of(event));
    }

    /** A flush's firings: one transaction for all of them, and one for any acknowledge kept for them. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void onFirings(AlertGroupsFiring event) {
        open(event.firings());
    }

    private void open(List<AlertGroupFiring> firings) {
        List<Long> ids = new ArrayList<>();
        RuntimeException failed = null;
        try {
            ids.addAll(retryingOnRace(() -> applyAll(firings)));
        } catch (RuntimeException e) {
            if (firings.size() == 1) {
                throw e;
            }
            // One firing that keeps failing must not hold up the others: each in its own transaction;
            // the event is retried after (the applied ones are dropped then) so the failing one is too.
            for (AlertGroupFiring firing : firings) {
                try {
                    ids.addAll(retryingOnRace(() -> applyAll(List.of(firing))));
                } catch (RuntimeException single) {
                    failed = failed == null ? single : failed;
                }
            }
        }
        if (!ids.isEmpty()) {
            tx.executeWithoutResult(status -> {
                if (acks.any()) {
                    ids.forEach(this::applyKeptAck);
                }
            });
        }
        if (failed != null) {
            throw failed;
        }
    }

    private List<Long> applyAll(List<AlertGroupFiring> firings) {
        List<Long> ids = new ArrayList<>();
        List<IncidentOpened> opened = new ArrayList<>();
        for (AlertGroupFiring firing : firings) {
            Long id = opening.apply(firing, opened);
            if (id != null) {
                ids.add(id);
            }
        }
        if (!opened.isEmpty()) {
            // One durable hand-off for every incident this transaction opened: escalation starts them together.
            events.publishEvent(new IncidentsOpened(opened));
        }
        return ids;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void onResolved(AlertGroupResolved event) {
        retryingOnRace(() -> {
            groupResolved(event);
            return null;
        });
    }

    private void groupResolved(AlertGroupResolved event) {
        Incident incident = store.latestForGroup(event.group().groupKey())
                .orElseThrow(() -> new IllegalStateException("alert group "
                        + event.group().groupKey() + " resolved before its incident was opened; retried later"));
        Instant now = clock.instant();
        Optional<Instant> seen = applied.at(incident.id());
        if (!applied.claim(event.id(), now)
                || incident.state() == IncidentState.RESOLVED
                || seen.isPresent() && event.at().isBefore(seen.get())) {
            return; // applied already, resolved already, or overtaken by a newer event of the group
        }
        applied.record(incident.id(), event.at());
        store.resolveAlerts(incident.id(), now);
        if (store.resolve(incident.id(), now, SYSTEM)) {
            store.addTimeline(
                    incident.id(),
                    now,
                    SYSTEM,
                    "resolved: all alerts resolved",
                    new TimelineDetail.StateChange(
                            incident.state(), IncidentState.RESOLVED, incident.reopenCount() + 1, Cause.AUTO_RESOLVED));
            events.publishEvent(new IncidentResolved(incident.id(), SYSTEM));
            events.publishEvent(new IncidentChanged(incident.id()));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void onAlertResolved(AlertResolved event) {
        tx.executeWithoutResult(status -> alertResolved(event));
    }

    private void alertResolved(AlertResolved event) {
        Alert alert = event.alert();
        Instant now = clock.instant();
        store.openWithAlert(alert.id()).ifPresent(incident -> {
            if (store.alertStatus(incident.id(), alert.id(), AlertStatus.RESOLVED, now)) {
                store.addTimeline(
                        incident.id(),
                        now,
                        SYSTEM,
                        "alert " + alert.name() + " resolved",
                        new TimelineDetail.AlertSeen(
                                alert.id(), alert.fingerprint(), alert.name(), AlertStatus.RESOLVED));
                events.publishEvent(new IncidentChanged(incident.id()));
            }
        });
    }

    /**
     * A sender's acknowledge may arrive before the alert's incident is written (PagerDuty's
     * acknowledge right after its trigger). It is kept first, in its own transaction, then applied
     * to the incident if there is one; opening an incident checks for kept acknowledges after its
     * own commit, so whichever of the two comes second applies it.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void onAcknowledged(AlertAcknowledged event) {
        String by = event.by() == null || event.by().isBlank() ? "sender" : event.by();
        tx.executeWithoutResult(status -> acks.keep(event.alert().id(), by, clock.instant()));
        tx.executeWithoutResult(
                status -> store.openWithAlert(event.alert().id()).ifPresent(incident -> applyKeptAck(incident.id())));
    }

    private void applyKeptAck(long id) {
        Optional<String> by = acks.first(id);
        if (by.isEmpty()) {
            return;
        }
        Incident incident = store.find(id).orElseThrow();
        Instant now = clock.instant();
        if (store.acknowledge(id, now, by.get())) {
            store.addTimeline(
                    id,
                    now,
                    by.get(),
                    "acknowledged by the alert's sender",
                    new TimelineDetail.StateChange(
                            IncidentState.TRIGGERED,
                            IncidentState.ACKNOWLEDGED,
                            incident.reopenCount() + 1,
                            Cause.ACKNOWLEDGED_BY_SENDER));
            events.publishEvent(new IncidentAcknowledged(id, by.get()));
            events.publishEvent(new IncidentChanged(id));
        }
        acks.forget(id);
    }

    /** Two deliveries (or nodes) may open the same group's incident at once; the loser finds it. */
    private <T> T retryingOnRace(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
