package dev.firebreak.notify.internal;

import dev.firebreak.oncall.ScheduleWarning;
import dev.firebreak.oncall.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_notify_unreachable_people}: people on a schedule whom a page would not reach (no
 * contact method, or none working). Rendering every schedule is not free, so a scrape reuses the
 * count for {@link #FRESH}.
 */
@Component
class UnreachableGauge {
    static final Duration FRESH = Duration.ofSeconds(30);
    private static final Set<ScheduleWarning.Kind> UNREACHABLE =
            EnumSet.of(ScheduleWarning.Kind.NO_CONTACT_METHOD, ScheduleWarning.Kind.NO_WORKING_CONTACT_METHOD);

    private final Schedules schedules;
    private volatile long countedAt = Long.MIN_VALUE;
    private volatile double count;

    UnreachableGauge(Schedules schedules, ObjectProvider<MeterRegistry> registry) {
        this.schedules = schedules;
        registry.ifAvailable(r -> Gauge.builder("firebreak.notify.unreachable.people", this, UnreachableGauge::value)
                .description("People on an on-call schedule whom a page would not reach")
                .register(r));
    }

    double value() {
        long now = System.nanoTime();
        if (countedAt == Long.MIN_VALUE || now - countedAt > FRESH.toNanos()) {
            count = schedules.warnings().stream()
                    .filter(w -> UNREACHABLE.contains(w.kind()))
                    .map(ScheduleWarning::username)
                    .distinct()
                    .count();
            countedAt = now;
        }
        return count;
    }
}
