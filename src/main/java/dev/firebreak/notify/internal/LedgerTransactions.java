package dev.firebreak.notify.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.firebreak.notify.NotifyProperties;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notify lane's transactions on the ledger. At most {@code firebreak.notify.db-concurrency} run
 * at once on a node, so a burst of sends queues here instead of on the connection pool that intake
 * and escalation share; and the outcome of a send that happened is recorded whatever it takes,
 * because a row left SENDING is sent again.
 */
@Component
class LedgerTransactions {
    private final Semaphore permits;
    private final TransactionTemplate transactions;
    private final RetryPolicy<Object> untilRecorded;

    LedgerTransactions(NotifyProperties properties, TransactionTemplate transactions) {
        this.permits = new Semaphore(Math.max(1, properties.dbConcurrency()), true);
        this.transactions = transactions;
        this.untilRecorded = RetryPolicy.builder()
                .handle(
                        CannotCreateTransactionException.class,
                        TransientDataAccessException.class,
                        RecoverableDataAccessException.class)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(5))
                .withJitter(0.25)
                .withMaxRetries(-1)
                .withMaxDuration(properties.giveUpAfter())
                .build();
    }

    /** One transaction; a failure is the caller's, and nothing was sent yet. */
    <T> T run(TransactionCallback<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("interrupted while waiting for the ledger", e);
        }
        try {
            return transactions.execute(work);
        } finally {
            permits.release();
        }
    }

    /** A transaction after a send: retried while the database is busy or briefly gone. */
    <T> T record(TransactionCallback<T> work) {
        return Failsafe.with(untilRecorded).get(() -> run(work));
    }
}
