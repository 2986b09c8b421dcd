package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.AlertsRefreshed;
import dev.firebreak.alert.Heartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Firing alerts that match a monitor's matchers (Prometheus' Watchdog) are pings. The match runs on
 * the alert writer's thread, in memory only: a matched ping lands in a map of monitor to latest
 * ping time, and every {@code ping-flush} this node writes the map, one transaction per monitor.
 *
 * <p>Each node flushes its own map, so this is Spring's per-node scheduling, not a db-scheduler task
 * (which would run on one node only). A crash loses at most one flush period of pings, which the
 * sender repeats (Prometheus resends firing alerts every minute).
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
public class WatchdogPings implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(WatchdogPings.class);
    /** Other nodes' changes to matchers reach this node within this time. */
    private static final long RELOAD_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Watch(long id, List<AlertMatcher> matchers, Long integrationId) {}

    private final HeartbeatStore store;
    private final HeartbeatTransitions transitions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private volatile List<Watch> watches = List.of();
    private volatile long reloadedAt = System.nanoTime() - RELOAD_NANOS;

    WatchdogPings(
            HeartbeatStore store, HeartbeatTransitions transitions, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void refreshed(AlertsRefreshed event) {
        List<Watch> current = watches;
        if (current.isEmpty()) {
            return;
        }
        for (Alert alert : event.alerts()) {
            match(current, alert);
        }
    }

    @EventListener
    void received(AlertReceived event) {
        List<Watch> current = watches;
        if (!current.isEmpty() && event.alert().status() == AlertStatus.FIRING) {
            match(current, event.alert());
        }
    }

    private void match(List<Watch> current, Alert alert) {
        if (Heartbeat.ALERT_NAME.equals(alert.labels().get("alertname"))
                && alert.labels().containsKey(Heartbeat.LABEL)) {
            return; // a monitor's own alert is never anyone's ping
        }
        for (Watch watch : current) {
            if ((watch.integrationId() == null || watch.integrationId() == alert.integrationId())
                    && AlertMatcher.all(watch.matchers(), alert.labels())) {
                pending.merge(watch.id(), clock.instant(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** Reads the monitors' matchers again, at once (after a change on this node). */
    public void reload() {
        watches = store.withMatchers().stream()
                .map(h -> new Watch(h.id(), AlertMatcher.parseAll(h.matchers()), h.integrationId()))
                .toList();
        reloadedAt = System.nanoTime();
    }

    /** Writes the pings matched so far; those that fail to write are kept for the next flush. */
    @Scheduled(
            fixedDelayString = "${firebreak.heartbeats.ping-flush:1s}",
            initialDelayString = "${firebreak.heartbeats.ping-flush:1s}")
    public void flush() {
        try {
            if (System.nanoTime() - reloadedAt >= RELOAD_NANOS) {
                reload();
            }
            for (Long id : List.copyOf(pending.keySet())) {
                Instant at = pending.remove(id);
                if (at == null) {
                    continue;
                }
                try {
                    transactions.executeWithoutResult(status -> transitions.ping(id, at, clock.instant()));
                } catch (RuntimeException e) {
                    pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            log.warn("writing heartbeat pings failed; retrying at the next flush: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        flush();
    }
}
