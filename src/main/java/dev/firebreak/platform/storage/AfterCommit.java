package dev.firebreak.platform.storage;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction commits, and never when it rolls back: how in-memory
 * caches learn what was written without ever holding what a rollback undid.
 */
public final class AfterCommit {
    private AfterCommit() {}

    /** Outside a transaction the write is already committed, so the action runs at once. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
