package dev.firebreak.alert;

import dev.firebreak.alert.internal.heartbeat.HeartbeatSpecs;
import dev.firebreak.alert.internal.heartbeat.HeartbeatStore;
import dev.firebreak.alert.internal.heartbeat.HeartbeatTransitions;
import dev.firebreak.alert.internal.heartbeat.PingLimits;
import dev.firebreak.alert.internal.heartbeat.WatchdogPings;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.storage.AfterCommit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heartbeat monitors (docs/heartbeats.md): create, change, pause, resume, delete, rotate the ping
 * secret, and HTTP pings. Each call is one transaction; a refused one stores nothing.
 */
@Service
public class Heartbeats {
    private final HeartbeatStore store;
    private final HeartbeatTransitions transitions;
    private final ObjectProvider<WatchdogPings> pings;
    private final PingLimits limits;
    private final Clock clock;

    Heartbeats(
            HeartbeatStore store,
            HeartbeatTransitions transitions,
            ObjectProvider<WatchdogPings> pings,
            PingLimits limits,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.transitions = transitions;
        this.pings = pings;
        this.limits = limits;
        this.clock = clock;
        meters.ifAvailable(registry -> Gauge.builder("firebreak.heartbeats.down", store, HeartbeatStore::countDown)
                .description("heartbeat monitors that missed their ping")
                .register(registry));
    }

    public List<Heartbeat> list() {
        return store.list();
    }

    public Heartbeat get(String name) {
        return row(name).heartbeat();
    }

    /** A new monitor, NEW until its first ping, and its one-time ping secret. */
    @Transactional
    public Heartbeat.WithSecret create(Heartbeat.Spec spec) {
        if (spec == null) {
            throw new FirebreakException.BadInput("name", "a heartbeat needs a name and an interval");
        }
        String name = HeartbeatSpecs.name(spec.name());
        Duration grace = spec.grace() == null ? Duration.ZERO : spec.grace();
        HeartbeatSpecs.timing(spec.interval(), grace);
        Map<String, String> labels = HeartbeatSpecs.labels(spec.labels(), spec.severity(), spec.service());
        Heartbeat.Spec checked = new Heartbeat.Spec(
                name,
                HeartbeatSpecs.description(spec.description()),
                spec.interval(),
                grace,
                labels,
                null,
                null,
                HeartbeatSpecs.matchers(spec.matchers()),
                integration(spec.integrationId()));
        if (store.nameTaken(name)) {
            throw new FirebreakException.Conflict("a heartbeat monitor named '" + name + "' exists");
        }
        String secret = Integrations.newKey(43);
        Instant now = clock.instant();
        long id = store.insert(checked, labels, Integrations.hash(secret), secret.substring(0, 6), now);
        store.heartbeatIntegration(now);
        changed();
        return new Heartbeat.WithSecret(store.find(id).orElseThrow().heartbeat(), secret);
    }

    /** Changes what the spec sets (null fields stay; {@code integrationId} 0 clears it). */
    @Transactional
    public Heartbeat update(String name, Heartbeat.Spec spec) {
        Heartbeat old = row(name).heartbeat();
        if (spec == null) {
            return old;
        }
        if (spec.name() != null && !spec.name().strip().equals(old.name())) {
            throw new FirebreakException.BadInput("name", "a heartbeat monitor's name cannot change");
        }
        Duration interval = spec.interval() == null ? old.interval() : spec.interval();
        Duration grace = spec.grace() == null ? old.grace() : spec.grace();
        HeartbeatSpecs.timing(interval, grace);
        Heartbeat changed = new Heartbeat(
                old.id(),
                old.name(),
                spec.description() == null ? old.description() : HeartbeatSpecs.description(spec.description()),
                interval,
                grace,
                HeartbeatSpecs.labels(
                        spec.labels() == null ? old.labels() : spec.labels(), spec.severity(), spec.service()),
                spec.matchers() == null ? old.matchers() : HeartbeatSpecs.matchers(spec.matchers()),
                spec.integrationId() == null
                        ? old.integrationId()
                        : spec.integrationId() == 0 ? null : integration(spec.integrationId()),
                old.state(),
                old.lastPingAt(),
                old.dueAt(),
                old.downSince(),
                old.secretPrefix(),
                old.createdAt(),
                old.updatedAt());
        store.update(old.id(), changed, clock.instant());
        changed();
        return get(name);
    }

    @Transactional
    public void delete(String name) {
        transitions.delete(row(name).heartbeat().id(), clock.instant());
        changed();
    }

    @Transactional
    public Heartbeat pause(String name) {
        transitions.pause(row(name).heartbeat().id(), clock.instant());
        return get(name);
    }

    @Transactional
    public Heartbeat resume(String name) {
        Heartbeat heartbeat = row(name).heartbeat();
        store.resume(heartbeat, clock.instant());
        return get(name);
    }

    /** A new ping secret; the old one stops working at once. */
    @Transactional
    public Heartbeat.WithSecret rotateSecret(String name) {
        Heartbeat heartbeat = row(name).heartbeat();
        String secret = Integrations.newKey(43);
        store.rotateSecret(heartbeat.id(), Integrations.hash(secret), secret.substring(0, 6), clock.instant());
        return new Heartbeat.WithSecret(get(name), secret);
    }

    /** An HTTP ping with the monitor's secret; 404 for an unknown secret, 429 past the rate limit. */
    @Transactional
    public Heartbeat ping(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw unknownSecret();
        }
        Heartbeat heartbeat = store.findBySecretHash(Integrations.hash(secret.strip()))
                .orElseThrow(Heartbeats::unknownSecret)
                .heartbeat();
        limits.take(heartbeat.id());
        Instant now = clock.instant();
        return transitions.ping(heartbeat.id(), now, now).orElseThrow(Heartbeats::unknownSecret);
    }

    /** Reads {@code 5m}, {@code 30s}, {@code 1h}, {@code 2d} or ISO-8601; null for blank; BadInput else. */
    public static Duration duration(String field, String text) {
        return HeartbeatSpecs.duration(field, text);
    }

    public long countDown() {
        return store.countDown();
    }

    private HeartbeatStore.Row row(String name) {
        return store.findByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new FirebreakException.NotFound("no heartbeat monitor named '" + name + "'"));
    }

    private Long integration(Long id) {
        if (id != null && !store.integrationExists(id)) {
            throw new FirebreakException.BadInput("integration", "no integration " + id);
        }
        return id;
    }

    /** This node matches alert pings against the new matchers as soon as they commit. */
    private void changed() {
        AfterCommit.run(() -> pings.ifAvailable(WatchdogPings::reload));
    }

    private static FirebreakException unknownSecret() {
        return new FirebreakException.NotFound("no heartbeat monitor with this ping secret");
    }
}
