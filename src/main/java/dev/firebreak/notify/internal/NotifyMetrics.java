package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_notify_messages_total{channel,kind,outcome}} (sent, failed), {@code
 * firebreak_notify_attempts_total{channel,outcome}}, {@code firebreak_notify_delivery_seconds}
 * (written to sent) and {@code firebreak_notify_send_seconds} (one attempt).
 */
@Component
class NotifyMetrics {
    private final MeterRegistry registry;

    NotifyMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    void attempt(ChannelType channel, Message.Outcome outcome, long millis) {
        Counter.builder("firebreak.notify.attempts")
                .tag("channel", channel.id())
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry)
                .increment();
        Timer.builder("firebreak.notify.send")
                .tag("channel", channel.id())
                .register(registry)
                .record(Duration.ofMillis(millis));
    }

    void sent(MessageRow message, Instant now) {
        messages(message, "sent").increment();
        Timer.builder("firebreak.notify.delivery")
                .tag("channel", message.channel().id())
                .tag("kind", message.kind().name().toLowerCase())
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(message.dueAt(), now));
    }

    void failed(MessageRow message) {
        messages(message, "failed").increment();
    }

    private Counter messages(MessageRow message, String outcome) {
        return Counter.builder("firebreak.notify.messages")
                .tag("channel", message.channel().id())
                .tag("kind", message.kind().name().toLowerCase())
                .tag("outcome", outcome)
                .register(registry);
    }
}
