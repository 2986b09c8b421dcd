package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
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
 */
@Component
class GroupingEngine {
    private static final Logger log = LoggerFactory.getLogger(GroupingEngine.class);

    private final RoutingStore routing;
    private final GroupStore groups;
    private final TransactionTemplate tx;
    private final Clock clock;

    GroupingEngine(RoutingStore routing, GroupStore groups, PlatformTransactionManager transactions, Clock clock) {
        this.routing = routing;
        this.groups = groups;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @EventListener
    void received(AlertReceived event) {
        guarded(event.alert(), () -> tx.executeWithoutResult(status -> place(event.alert())));
    }

    @EventListener
    void resolved(AlertResolved event) {
        guarded(event.alert(), () -> tx.executeWithoutResult(status -> groups.resolve(event.alert(), clock.instant())));
    }

    private static void guarded(Alert alert, Runnable work) {
        try {
            retryingOnRace(work);
        } catch (RuntimeException e) {
            log.error("grouping alert {} failed; it is stored but not routed: {}", alert.fingerprint(), e.toString());
        }
    }

    private void place(Alert alert) {
        Instant now = clock.instant();
        for (Route route : routing.config().root().match(alert.labels())) {
            Map<String, String> groupLabels = GroupKeys.groupLabels(route, alert.labels());
            String key = GroupKeys.key(route, groupLabels);
            GroupStore.GroupRow group = groups.find(key).orElse(null);
            if (group == null) {
                groups.insert(key, route, groupLabels, now);
                group = groups.find(key).orElseThrow();
            }
            if (!groups.updateMember(group.id(), alert, now)) {
                groups.insertMember(group.id(), alert, now);
            }
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
