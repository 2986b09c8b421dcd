package dev.firebreak.notify.internal;

import dev.firebreak.escalation.Escalations;
import org.springframework.stereotype.Component;

/** Nobody of an escalation advance can be reached: the next step now, not after its delay. */
@Component
class Undeliverable {
    private final Escalations escalations;
    private final LedgerTransactions transactions;

    Undeliverable(Escalations escalations, LedgerTransactions transactions) {
        this.escalations = escalations;
        this.transactions = transactions;
    }

    void run(String instance) {
        int dash = instance.lastIndexOf('-');
        long incidentId = Long.parseLong(instance.substring(0, dash));
        int seq = Integer.parseInt(instance.substring(dash + 1));
        transactions.run(status -> {
            escalations.advanceUnreachable(incidentId, seq);
            return null;
        });
    }
}
