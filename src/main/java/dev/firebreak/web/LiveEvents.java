package dev.firebreak.web;

import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertsRefreshed;
import dev.firebreak.incident.IncidentChanged;
import dev.firebreak.platform.signals.ClusterSignals;
import dev.firebreak.platform.storage.AfterCommit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for live pages: an {@code incident} event whenever an incident changes, and an
 * {@code alert} event at most every half second while alerts arrive or resolve. Pages re-fetch their
 * list on each. Prometheus resends every firing alert every minute, so alerts change by the thousand
 * per second on a busy node: one event per alert would flood every open page. Changes on other
 * nodes arrive through {@link ClusterSignals}; each client has its own sender ({@link LiveStreams}),
 * so no publisher ever waits for a browser.
 */
@Controller
@ConditionalOnWebApplication
class LiveEvents {
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();
    private final LiveStreams streams = new LiveStreams(LiveStreams.CAPACITY);
    private final ClusterSignals signals;
    private final AtomicBoolean alertsChanged = new AtomicBoolean();
    private final AtomicBoolean alertsChangedElsewhere = new AtomicBoolean();

    LiveEvents(ClusterSignals signals) {
        this.signals = signals;
        signals.subscribe("incident", id -> streams.push("incident", id));
        signals.subscribe("alert", ignored -> alertsChangedElsewhere.set(true));
    }

    @GetMapping(value = "/events/incidents", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter subscribe() {
        return streams.open(new SseEmitter(TIMEOUT));
    }

    // Plain listeners, not @TransactionalEventListener: Spring Modulith's completion advisor wraps
    // every transactional listener, and would serialize each alert event and look for its
    // publication in the database on the alert writer's thread. A missed page refresh is not
    // worth a durable event, and AfterCommit keeps a rollback from being pushed.
    @EventListener
    void on(IncidentChanged event) {
        String id = String.valueOf(event.incidentId());
        AfterCommit.run(() -> {
            streams.push("incident", id);
            signals.broadcast("incident", id);
        });
    }

    /** In the writer's transaction: a rolled-back alert only costs pages one needless refresh. */
    @EventListener
    void on(AlertReceived event) {
        alertsChanged.set(true);
    }

    @EventListener
    void on(AlertsRefreshed event) {
        alertsChanged.set(true);
    }

    @EventListener
    void on(AlertResolved event) {
        alertsChanged.set(true);
    }

    /** At most one event per half second here, and one signal per node to the others. */
    @Scheduled(fixedDelay = 500)
    void alerts() {
        boolean here = alertsChanged.getAndSet(false);
        if (here) {
            signals.broadcast("alert", "changed");
        }
        if (here | alertsChangedElsewhere.getAndSet(false)) {
            streams.push("alert", "changed");
        }
    }

    /** A comment now and then keeps proxies from closing idle streams and drops stalled ones. */
    @Scheduled(fixedDelay = 25_000)
    void keepAlive() {
        streams.comment("keep-alive");
    }

    int openStreams() {
        return streams.size();
    }

    /**
     * Open streams would hold the web server's graceful shutdown for its whole timeout, and that
     * phase runs before any @PreDestroy: the context announces its closing before either.
     */
    @EventListener(ContextClosedEvent.class)
    void close() {
        streams.closeAll();
    }
}
