package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.AlertsRefreshed;
import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.platform.storage.AfterCommit;
import dev.firebreak.platform.storage.LruMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts each received alert into the group of every route it matches (several with continue). The
 * flusher decides later when a group notifies; this only records membership, durably: it runs in
 * the intake's own transaction (in a savepoint), so an alert that got a 2xx is also grouped, and a
 * routing failure rolls back to the savepoint instead of failing the intake.
 *
 * <p>The changes of one transaction wait until just before it commits and are written together
 * ({@link GroupWrites}), in one savepoint; should that fail, each is written alone in its own, so
 * one bad alert cannot leave the others ungrouped.
 *
 * <p>Most alerts are refreshes that change nothing the flusher reads (it reads the alert's id,
 * labels, annotations, URL and firing state; not its receive count or times), so a refresh of an
 * alert this node grouped with the same content and routing writes nothing. That is safe because
 * a member row outlives its firing alert: only a resolve clears its firing flag (and a re-fire is
 * a new alert id), and the flusher deletes only members that are not firing.
 */
@Component
class GroupingEngine {
    private static final Logger log = LoggerFactory.getLogger(GroupingEngine.class);
    private static final int GROUP_IDS = 10_000;

    /** What this node committed for an alert's member rows, under which routing. */
    private record Grouped(long alertId, long contentHash, RoutingConfig routing) {}

    private final RoutingStore routing;
    private final GroupWrites writes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LruMap<String, Grouped> grouped;

    GroupingEngine(
            RoutingStore routing,
            GroupStore groups,
            PlatformTransactionManager transactions,
            Clock clock,
            AlertProperties properties,
            ObjectProvider<GroupFlusher> flusher) {
        this.routing = routing;
        // A group due at once is flushed right after the commit; the flusher's tick is the fallback.
        Runnable dueNow = () -> AfterCommit.run(() -> flusher.ifAvailable(GroupFlusher::nudge));
        this.writes = new GroupWrites(groups, new LruMap<>(Math.min(GROUP_IDS, properties.knownAlerts())), dueNow);
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.grouped = new LruMap<>(properties.knownAlerts());
    }

    @EventListener
    void received(AlertReceived event) {
        receive(event.alert(), routing.config());
    }

    @EventListener
    void refreshed(AlertsRefreshed event) {
        RoutingConfig config = routing.config();
        event.alerts().forEach(alert -> receive(alert, config));
    }

    private void receive(Alert alert, RoutingConfig config) {
        long contentHash = Fingerprints.content(alert.labels(), alert.annotations(), alert.generatorUrl());
        Grouped before = grouped.get(alert.fingerprint());
        // Routing compared by identity: a new configuration is a new object, and deep equality costs.
        if (alert.status() == AlertStatus.FIRING
                && before != null
                && before.alertId() == alert.id()
                && before.contentHash() == contentHash
                && before.routing() == config) {
            return;
        }
        defer(new GroupWrites.Place(alert, config, contentHash));
    }

    @EventListener
    void resolved(AlertResolved event) {
        grouped.remove(event.alert().fingerprint());
        defer(new GroupWrites.Resolve(event.alert()));
    }

    /** Inside a transaction, changes wait for its commit; outside one (tests), they are written at once. */
    private void defer(GroupWrites.Change change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writeAll(List.of(change));
            return;
        }
        Deferred deferred = (Deferred) TransactionSynchronizationManager.getResource(this);
        if (deferred == null) {
            deferred = new Deferred();
            TransactionSynchronizationManager.bindResource(this, deferred);
            TransactionSynchronizationManager.registerSynchronization(deferred);
        }
        deferred.changes.add(change);
    }

    /** The changes one transaction made, written just before it commits. */
    private final class Deferred implements TransactionSynchronization {
        final List<GroupWrites.Change> changes = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            TransactionSynchronizationManager.unbindResource(GroupingEngine.this);
            writeAll(changes);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(GroupingEngine.this);
        }
    }

    private void writeAll(List<GroupWrites.Change> changes) {
        try {
            retryingOnRace(() -> tx.executeWithoutResult(status -> writes.write(changes, clock.instant())));
            AfterCommit.run(() -> changes.forEach(this::remember));
        } catch (RuntimeException batchFailure) {
            for (GroupWrites.Change change : changes) {
                try {
                    retryingOnRace(
                            () -> tx.executeWithoutResult(status -> writes.write(List.of(change), clock.instant())));
                    AfterCommit.run(() -> remember(change));
                } catch (RuntimeException e) {
                    log.error(
                            "grouping alert {} failed; it is stored but not routed: {}",
                            change.alert().fingerprint(),
                            e.toString());
                }
            }
        }
    }

    /** After commit: this node knows what it wrote for the alert's member rows. */
    private void remember(GroupWrites.Change change) {
        Alert alert = change.alert();
        if (change instanceof GroupWrites.Place place && alert.status() == AlertStatus.FIRING) {
            grouped.put(alert.fingerprint(), new Grouped(alert.id(), place.contentHash(), place.routing()));
        } else {
            grouped.remove(alert.fingerprint());
        }
    }

    /** Two nodes may create the same group or member at once; the loser retries and finds it. */
    private static void retryingOnRace(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
