package dev.firebreak.notify.internal;

import dev.firebreak.escalation.Escalations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Nobody of an escalation advance can be reached: the next step now, not after its delay. */
@Component
class Undeliverable {
    private final Escalations escalations;
    private final TransactionTemplate transactions;

    Undeliverable(Escalations escalations, TransactionTemplate transactions) {
        this.escalations = escalations;
        this.transactions = transactions;
    }

    void run(String instance) {
        int dash = instance.lastIndexOf('-');
        long incidentId = Long.parseLong(instance.substring(0, dash));
        int seq = Integer.parseInt(instance.substring(dash + 1));
        transactions.executeWithoutResult(status -> escalations.advanceUnreachable(incidentId, seq));
    }
}
