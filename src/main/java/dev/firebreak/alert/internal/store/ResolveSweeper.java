package dev.firebreak.alert.internal.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves firing alerts whose endsAt or resolve timeout passed without a refresh. Every node runs
 * it; each alert is resolved by a conditional UPDATE, so exactly one node resolves it and publishes
 * AlertResolved, and a refresh that moved the timeout meanwhile wins.
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
public class ResolveSweeper {
    private static final Logger log = LoggerFactory.getLogger(ResolveSweeper.class);
    private static final int BATCH = 500;

    private final AlertStore store;
    private final AlertWriter writer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResolveSweeper(AlertStore store, AlertWriter writer, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${firebreak.alerts.sweep-interval:15s}",
            initialDelayString = "${firebreak.alerts.sweep-interval:15s}")
    public void sweep() {
        try {
            resolveTimedOut();
        } catch (RuntimeException e) {
            log.warn("resolving timed-out alerts failed: {}", e.toString());
        }
    }

    /** Resolves what timed out by now; returns how many this node resolved. */
    public int resolveTimedOut() {
        Instant now = clock.instant();
        int resolved = 0;
        List<Long> ids;
        do {
            ids = store.timedOut(now, BATCH);
            for (long id : ids) {
                Boolean done = transactions.execute(status -> {
                    AlertWritten result = store.resolveTimedOut(id, now);
                    writer.publish(result, null);
                    return result.outcome() == AlertWritten.Outcome.RESOLVED;
                });
                if (Boolean.TRUE.equals(done)) {
                    resolved++;
                }
            }
        } while (ids.size() == BATCH);
        return resolved;
    }
}
