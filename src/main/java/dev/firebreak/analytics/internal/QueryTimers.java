package dev.firebreak.analytics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each dashboard query's time, as {@code firebreak_analytics_query_seconds{query=...}} on
 * /actuator/prometheus: the numbers bench/analytics reports and an operator watches.
 */
@Component
public class QueryTimers {
    private final MeterRegistry registry;

    QueryTimers(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    public <T> T time(String query, Supplier<T> work) {
        return Timer.builder("firebreak.analytics.query")
                .description("One analytics query: a part of the dashboard")
                .tag("query", query)
                .register(registry)
                .record(work);
    }
}
