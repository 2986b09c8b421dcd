package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts each received alert into the group of every route it matches (several with continue). The
 * flusher decides later when a group notifies; this only records membership, durably.
 */
@Component
class GroupingEngine {
    private final RoutingStore routing;
    private final GroupStore groups;
    private final TransactionTemplate tx;
    private final Clock clock;

    GroupingEngine(RoutingStore routing, GroupStore groups, PlatformTransactionManager transactions, Clock clock) {
        this.routing = routing;
        this.groups = groups;
        // After commit the intake's transaction is still bound to the thread: joining it would never commit.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // After the intake's commit when published in a transaction, at once otherwise.
    @TransactionalEventListener(fallbackExecution = true)
    void received(AlertReceived event) {
        retryingOnRace(() -> tx.executeWithoutResult(status -> place(event.alert())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void resolved(AlertResolved event) {
        tx.executeWithoutResult(status -> groups.resolve(event.alert(), clock.instant()));
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
