package dev.firebreak.escalation.internal;

import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentEscalated;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Incident events into the engine: durable, retried, at least once (decision 0005). Each runs in its
 * own transaction; the engine's state checks make a second delivery change nothing.
 */
@Component
class EscalationListeners {
    private final EscalationEngine engine;

    EscalationListeners(EscalationEngine engine) {
        this.engine = engine;
    }

    @ApplicationModuleListener
    void on(IncidentOpened event) {
        engine.opened(event.incidentId());
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
        engine.escalateNow(event.incidentId());
    }
}
