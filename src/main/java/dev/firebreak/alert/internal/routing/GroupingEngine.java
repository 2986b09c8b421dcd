package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.platform.storage.AfterCommit;
import dev.firebreak.platform.storage.LruMap;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts each received alert into the group of every route it matches (several with continue). The
 * flusher decides later when a group notifies; this only records membership, durably: it runs in
 * the intake's own transaction (a savepoint), so an alert that got a 2xx is also grouped, and a
 * routing failure rolls back to the savepoint instead of failing the intake.
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
    private record Grouped(long alertId, long contentHash, RoutingConfig routing) {
        /** The routing by identity: a new configuration is a new object, and deep equality costs. */
        boolean sameAs(Grouped other) {
            return other != null
                    && other.alertId == alertId
                    && other.contentHash == contentHash
                    && other.routing == routing;
        }
    }

    private final RoutingStore routing;
    private final GroupStore groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LruMap<String, Grouped> grouped;
    /** Group ids by key; an id whose group is gone shows as a missing member row and is looked up again. */
    private final LruMap<String, Long> groupIds;

    GroupingEngine(
            RoutingStore routing,
            GroupStore groups,
            PlatformTransactionManager transactions,
            Clock clock,
            AlertProperties properties) {
        this.routing = routing;
        this.groups = groups;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.grouped = new LruMap<>(properties.knownAlerts());
        this.groupIds = new LruMap<>(Math.min(GROUP_IDS, properties.knownAlerts()));
    }

    @EventListener
    void received(AlertReceived event) {
        Alert alert = event.alert();
        RoutingConfig config = routing.config();
        Grouped placed = new Grouped(
                alert.id(), Fingerprints.content(alert.labels(), alert.annotations(), alert.generatorUrl()), config);
        boolean firing = alert.status() == AlertStatus.FIRING;
        if (firing && placed.sameAs(grouped.get(alert.fingerprint()))) {
            return;
        }
        if (guarded(alert, () -> tx.executeWithoutResult(status -> place(alert, config))) && firing) {
            AfterCommit.run(() -> grouped.put(alert.fingerprint(), placed));
        }
    }

    @EventListener
    void resolved(AlertResolved event) {
        grouped.remove(event.alert().fingerprint());
        guarded(event.alert(), () -> tx.executeWithoutResult(status -> groups.resolve(event.alert(), clock.instant())));
    }

    private static boolean guarded(Alert alert, Runnable work) {
        try {
            retryingOnRace(work);
            return true;
        } catch (RuntimeException e) {
            log.error("grouping alert {} failed; it is stored but not routed: {}", alert.fingerprint(), e.toString());
            return false;
        }
    }

    private void place(Alert alert, RoutingConfig config) {
        Instant now = clock.instant();
        for (Route route : config.root().match(alert.labels())) {
            Map<String, String> groupLabels = GroupKeys.groupLabels(route, alert.labels());
            String key = GroupKeys.key(route, groupLabels);
            Long cached = groupIds.get(key);
            long groupId = cached != null ? cached : groupId(key, route, groupLabels, now);
            if (!groups.updateMember(groupId, alert, now)) {
                // No member row: a new member, or the cached group was flushed away since.
                long current = cached == null ? groupId : groupId(key, route, groupLabels, now);
                if (current == groupId || !groups.updateMember(current, alert, now)) {
                    groups.insertMember(current, alert, now);
                }
            }
        }
    }

    /** The group's id from the database, creating the group when it is missing. */
    private long groupId(String key, Route route, Map<String, String> groupLabels, Instant now) {
        Long id = groups.findId(key).orElse(null);
        if (id == null) {
            groups.insert(key, route, groupLabels, now);
            id = groups.findId(key).orElseThrow();
        }
        groupIds.put(key, id);
        return id;
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
