package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.HeartbeatState;
import dev.firebreak.platform.FirebreakException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A monitor's state changes together with their alert, in the caller's transaction. Each starts
 * from the state it read and is a conditional update on it; when another node or a ping changed
 * the row meanwhile, it reads again and retries, so every transition happens once.
 */
@Component
public class HeartbeatTransitions {
    private static final int ATTEMPTS = 5;

    private final HeartbeatStore store;
    private final HeartbeatAlerts alerts;

    HeartbeatTransitions(HeartbeatStore store, HeartbeatAlerts alerts) {
        this.store = store;
        this.alerts = alerts;
    }

    /** A ping at {@code at}: UP again (a DOWN monitor's alert resolves); PAUSED stays paused. */
    public Optional<Heartbeat> ping(long id, Instant at, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<HeartbeatStore.Row> row = store.find(id);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Heartbeat heartbeat = row.get().heartbeat();
            if (store.ping(heartbeat, heartbeat.state(), at, now)) {
                if (heartbeat.state() == HeartbeatState.DOWN) {
                    alerts.resolve(row.get().alertFingerprint(), heartbeat, now);
                }
                return store.find(id).map(HeartbeatStore.Row::heartbeat);
            }
        }
        throw raced(id);
    }

    /**
     * UP and overdue to DOWN, raising its alert; false if it was pinged, paused or taken down by
     * another node meanwhile (the check runs at least once per due monitor, never raises twice).
     */
    public boolean goDown(long id, Instant now) {
        Optional<HeartbeatStore.Row> row = store.find(id);
        if (row.isEmpty()) {
            return false;
        }
        Heartbeat heartbeat = row.get().heartbeat();
        if (heartbeat.state() != HeartbeatState.UP
                || heartbeat.dueAt() == null
                || heartbeat.dueAt().isAfter(now)) {
            return false;
        }
        if (!store.markDown(id, now, HeartbeatAlerts.fingerprint(heartbeat))) {
            return false;
        }
        alerts.raise(heartbeat, now);
        return true;
    }

    /** Stops checking; a DOWN monitor's alert resolves, since nobody watches it any more. */
    public void pause(long id, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HeartbeatStore.Row row = store.find(id).orElseThrow(() -> notFound(id));
            HeartbeatState from = row.heartbeat().state();
            if (from == HeartbeatState.PAUSED) {
                return;
            }
            if (store.pause(id, from, now)) {
                if (from == HeartbeatState.DOWN) {
                    alerts.resolve(row.alertFingerprint(), row.heartbeat(), now);
                }
                return;
            }
        }
        throw raced(id);
    }

    /**
     * Deletes the monitor, resolving its alert if it was DOWN. Paused first: that update holds the
     * row, so a check going on at the same time cannot raise an alert nobody would resolve.
     */
    public void delete(long id, Instant now) {
        pause(id, now);
        store.delete(id);
    }

    private static FirebreakException notFound(long id) {
        return new FirebreakException.NotFound("no heartbeat monitor " + id);
    }

    private static FirebreakException raced(long id) {
        return new FirebreakException.Conflict("heartbeat monitor " + id + " kept changing; try again");
    }
}
