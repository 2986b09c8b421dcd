package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.alert.internal.routing.GroupFlusher;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole path: Prometheus posts alerts, routing groups them, an incident opens and auto-resolves. */
@Tag("database")
class IncidentEndToEndIT extends ServerTest {
    @Autowired
    Integrations integrations;

    @Autowired
    GroupFlusher flusher;

    @Autowired
    Incidents incidents;

    @Test
    void prometheusAlertsOpenAndResolveAnIncident() {
        // Only made-up words in the name and summary: runbooks other tests stored in the shared
        // database must not match, so the incident stays on the built-in severity scheme.
        String name = "E2e" + UUID.randomUUID().toString().substring(0, 8);
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        String key = integrations
                .create("e2e-" + name, IntegrationType.PROMETHEUS, 10_000, 10_000, null)
                .key();
        String alert =
                "{\"labels\": {\"alertname\": \"" + name + "\", \"severity\": \"critical\", \"instance\": \"i1\"},"
                        + " \"annotations\": {\"summary\": \"" + name + " " + marker + "\"}";
        assertThat(post(key, "[" + alert + "}]").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(31));
        flusher.flushDue();

        // The server's own flusher may have taken the group first: wait for whichever flush did it.
        List<Incident> found =
                eventually(() -> incidents.list(new IncidentQuery(null, null, name, 5)), l -> !l.isEmpty());
        assertThat(found).hasSize(1);
        Incident incident = found.getFirst();
        assertThat(incident.state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(incident.title()).isEqualTo(name + " " + marker);
        assertThat(incident.severity().name()).isEqualTo("P1");
        assertThat(incidents.details(incident.id()).alerts()).hasSize(1);

        // Its last alert resolves: the incident follows within seconds, not at the group's next
        // group_interval tick (the clock does not move).
        String past = clock.instant().minusSeconds(5).toString();
        assertThat(post(key, "[" + alert + ", \"endsAt\": \"" + past + "\"}]").statusCode())
                .isEqualTo(200);
        IncidentDetails resolved = eventually(
                () -> incidents.details(incident.id()), d -> d.incident().state() == IncidentState.RESOLVED);
        assertThat(resolved.incident().state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(resolved.timeline().getLast().text()).contains("all alerts resolved");
    }

    private <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            flusher.flushDue();
            value = read.get();
        }
        return value;
    }

    private HttpResponse<String> post(String key, String body) {
        return send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
