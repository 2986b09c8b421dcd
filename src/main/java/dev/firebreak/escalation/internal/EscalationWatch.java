package dev.firebreak.escalation.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gauges for the timers themselves: {@code firebreak_escalation_overdue} counts active
 * escalations whose next step is more than {@link #GRACE} late (timers not running: scheduler
 * stopped, database trouble), {@code firebreak_escalation_active} those paging now. Refreshed by the
 * recurring {@code escalation-watch} task.
 */
@Component
public class EscalationWatch {
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final EscalationStateStore states;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong active = new AtomicLong();

    EscalationWatch(EscalationStateStore states, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.states = states;
        this.clock = clock;
        meters.ifAvailable(registry -> {
            Gauge.builder("firebreak.escalation.overdue", overdue, AtomicLong::get)
                    .description("Active escalations whose next step is more than 30 s late")
                    .register(registry);
            Gauge.builder("firebreak.escalation.active", active, AtomicLong::get)
                    .description("Escalations paging now (not acknowledged, exhausted or stopped)")
                    .register(registry);
        });
    }

    void refresh() {
        overdue.set(states.overdue(clock.instant().minus(GRACE)).size());
        active.set(states.countActive());
    }
}
