package dev.firebreak.web;

import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.incident.IncidentChanged;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for live pages: an {@code incident} event whenever an incident changes, and an
 * {@code alert} event at most every half second while alerts arrive or resolve. Pages re-fetch their
 * list on each. Prometheus resends every firing alert every minute, so alerts change by the thousand
 * per second on a busy node: one event per alert would flood every open page, and the writer thread
 * that commits them would send them all.
 */
@Controller
@ConditionalOnWebApplication
class LiveEvents {
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicBoolean alertsChanged = new AtomicBoolean();

    @GetMapping(value = "/events/incidents", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter subscribe() throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        // The browser's EventSource only reports "open" after the first bytes.
        emitter.send(SseEmitter.event().name("ready").data("ready").reconnectTime(5000));
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IncidentChanged event) {
        push("incident", String.valueOf(event.incidentId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AlertReceived event) {
        alertsChanged.set(true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AlertResolved event) {
        alertsChanged.set(true);
    }

    @Scheduled(fixedDelay = 500)
    void alerts() {
        if (alertsChanged.getAndSet(false)) {
            push("alert", "changed");
        }
    }

    /** A comment now and then keeps proxies from closing idle streams and drops dead ones. */
    @Scheduled(fixedDelay = 25_000)
    void keepAlive() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    private void push(String name, String data) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    /** Open streams would otherwise hold graceful shutdown for its whole timeout. */
    @PreDestroy
    void close() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }
}
