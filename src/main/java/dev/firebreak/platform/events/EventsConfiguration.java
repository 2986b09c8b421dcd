package dev.firebreak.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Durable listeners ({@code @ApplicationModuleListener}) run on a bounded pool of their own, never
 * on the thread that committed the event (the alert writer, the group flusher): the publisher only
 * queues them. A listener that throws leaves its publication failed in the registry, to be retried
 * by {@link EventRetries}; it is logged and counted here.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventsConfiguration implements AsyncConfigurer {
    private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

    private final EventProperties properties;
    private final ObjectProvider<MeterRegistry> meters;

    EventsConfiguration(EventProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public Executor getAsyncExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("durable-listener-");
        executor.setCorePoolSize(Math.max(1, properties.listenerThreads()));
        executor.setMaxPoolSize(Math.max(1, properties.listenerThreads()));
        executor.setQueueCapacity(Math.max(1, properties.listenerQueue()));
        executor.setDaemon(true);
        // Shutdown lets running listeners finish briefly; the rest stay in the registry for the restart.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(2);
        executor.initialize();
        return executor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (Throwable e, Method method, Object... params) -> {
            String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            log.warn("durable listener {} failed; it will be retried: {}", listener, e.toString());
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                Counter.builder("firebreak.events.failures")
                        .description("durable listener runs that failed and will be retried")
                        .tag("listener", listener)
                        .register(registry)
                        .increment();
            }
        };
    }
}
