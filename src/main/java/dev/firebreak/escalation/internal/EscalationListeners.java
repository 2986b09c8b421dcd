package dev.firebreak.escalation.internal;

import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentEscalated;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentsOpened;
import java.util.Comparator;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident events into the engine: durable, retried, at least once (decision 0005). Each runs in its
 * own transaction; the engine's state checks make a second delivery change nothing.
 */
@Component
class EscalationListeners {
    private final EscalationEngine engine;
    private final TransactionTemplate tx;

    EscalationListeners(EscalationEngine engine, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Every incident one transaction opened, started in one transaction. When that fails, each
     * starts in its own, so one that keeps failing holds up nobody else; it fails the event, which
     * is retried (the started ones change nothing then).
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentsOpened event) {
        // In id order: two nodes starting the same batch lock the state rows in the same order.
        List<Long> ids = event.opened().stream()
                .map(IncidentOpened::incidentId)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
        try {
            tx.executeWithoutResult(status -> ids.forEach(engine::opened));
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                throw e;
            }
            RuntimeException failed = null;
            for (long id : ids) {
                try {
                    tx.executeWithoutResult(status -> engine.opened(id));
                } catch (RuntimeException single) {
                    failed = failed == null ? single : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    @ApplicationModuleListener
    void on(IncidentAcknowledged event) {
        engine.acknowledged(event.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentResolved event) {
        engine.resolved(event.incidentId());
    }

    @ApplicationModuleListener
    void on(IncidentEscalated event) {
        engine.escalateNow(event.incidentId(), event.id());
    }
}
