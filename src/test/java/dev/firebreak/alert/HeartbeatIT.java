package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.routing.GroupFlusher;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeat monitors end to end: HTTP pings and Watchdog alerts keep them UP; silence past interval
 * + grace takes them DOWN once, with one alert and one incident; the next ping resolves both. The
 * check is the real db-scheduler task, moved by the test clock.
 */
@Tag("database")
@TestPropertySource(
        properties = {
            "firebreak.scheduler.polling-interval=100ms",
            "firebreak.heartbeats.check-interval=1s",
            "firebreak.heartbeats.ping-flush=100ms"
        })
class HeartbeatIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Alerts alerts;

    @Autowired
    Incidents incidents;

    @Autowired
    Integrations integrations;

    @Autowired
    GroupFlusher flusher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void silenceOpensOneIncidentAndTheNextPingResolvesIt() {
        String token = tokenFor(Role.RESPONDER);
        String name = "backup-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = create(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"grace\": \"1m\", \"severity\": \"critical\","
                        + " \"labels\": {\"team\": \"storage\"}, \"description\": \"nightly backup job\"}");
        assertThat(created.path("state").asString()).isEqualTo("NEW");
        assertThat(created.path("interval").asString()).isEqualTo("5m");
        String secret = created.path("secret").asString();
        assertThat(created.path("pingUrl").asString()).isEqualTo("/api/v1/heartbeats/" + secret + "/ping");
        assertThat(get("/api/v1/heartbeats/" + name, token).body()).doesNotContain(secret);

        assertThat(ping(secret, "POST").path("state").asString()).isEqualTo("UP");
        clock.advance(Duration.ofMinutes(4));
        assertThat(ping(secret, "GET").path("state").asString()).isEqualTo("UP");
        clock.advance(Duration.ofMinutes(5)); // 9 minutes since the first ping, 5 since the last
        awaitCheck();
        assertThat(state(name, token)).isEqualTo("UP");
        assertThat(heartbeatAlerts(name)).isEmpty();

        clock.advance(Duration.ofMinutes(2)); // 7 minutes since the last ping: past 5m + 1m
        awaitState(name, token, "DOWN");
        List<Alert> raised = heartbeatAlerts(name);
        assertThat(raised).hasSize(1);
        Alert alert = raised.getFirst();
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.labels())
                .containsEntry("alertname", "HeartbeatMissed")
                .containsEntry("heartbeat", name)
                .containsEntry("team", "storage")
                .containsEntry("severity", "critical");
        assertThat(alert.annotations().get("summary")).startsWith("no heartbeat from " + name + " since ");

        // Group wait, then the incident; further checks while DOWN raise nothing new.
        clock.advance(Duration.ofSeconds(31));
        flusher.flushDue();
        List<Incident> opened =
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> incidentsOf(name), l -> !l.isEmpty());
        clock.advance(Duration.ofMinutes(10));
        awaitCheck();
        flusher.flushDue();
        assertThat(heartbeatAlerts(name)).hasSize(1);
        assertThat(incidentsOf(name)).hasSize(1);
        Incident incident = opened.getFirst();
        assertThat(incident.state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(incident.severity().name()).isEqualTo("P1");

        // The next ping: UP, the same alert resolved, and the incident resolves with it.
        assertThat(ping(secret, "POST").path("state").asString()).isEqualTo("UP");
        assertThat(heartbeatAlerts(name)).singleElement().satisfies(a -> assertThat(a.status())
                .isEqualTo(AlertStatus.RESOLVED));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            flusher.flushDue();
            return incidents.get(incident.id()).state() == IncidentState.RESOLVED;
        });
        assertThat(sendJson("DELETE", "/api/v1/heartbeats/" + name, token, "").statusCode())
                .isEqualTo(204);
    }

    @Test
    void watchdogAlertsCountAsPings() {
        String token = tokenFor(Role.RESPONDER);
        String watchdog = "Watchdog" + UUID.randomUUID().toString().substring(0, 8);
        Integrations.Created prometheus =
                integrations.create("hb-prom-" + watchdog, IntegrationType.PROMETHEUS, 1000, 1000, null);
        String other = integrations
                .create("hb-other-" + watchdog, IntegrationType.PROMETHEUS, 1000, 1000, null)
                .key();
        String name = "prometheus-" + watchdog.toLowerCase();
        create(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"2m\", \"grace\": \"30s\", \"matchers\": [\"alertname=\\\""
                        + watchdog + "\\\"\"], \"integration\": "
                        + prometheus.integration().id() + "}");

        // Another Prometheus' Watchdog (its own labels: alerts are one by their labels, whoever sends
        // them) is not this monitor's ping.
        assertThat(postAlert(other, watchdog, "prometheus-b").statusCode()).isEqualTo(200);
        sleep(500);
        assertThat(state(name, token)).isEqualTo("NEW");

        Instant first = clock.instant();
        assertThat(postAlert(prometheus.key(), watchdog, "prometheus-a").statusCode())
                .isEqualTo(200);
        awaitState(name, token, "UP");
        for (int i = 0; i < 3; i++) { // Prometheus resends every minute: refreshes are pings too
            clock.advance(Duration.ofSeconds(90));
            assertThat(postAlert(prometheus.key(), watchdog, "prometheus-a").statusCode())
                    .isEqualTo(200);
            Instant sent = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(
                            () -> Instant.parse(
                                    heartbeat(name, token).path("lastPingAt").asString()),
                            t -> !t.isBefore(sent));
            awaitCheck();
            assertThat(state(name, token)).isEqualTo("UP");
        }
        assertThat(clock.instant()).isAfter(first.plus(Duration.ofMinutes(4)));
        assertThat(heartbeatAlerts(name)).isEmpty();
        sendJson("DELETE", "/api/v1/heartbeats/" + name, token, "");
    }

    @Test
    void pausedMonitorsNeverFire() {
        String token = tokenFor(Role.RESPONDER);
        String name = "paused-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = create(token, "{\"name\": \"" + name + "\", \"interval\": \"1m\"}")
                .path("secret")
                .asString();
        ping(secret, "POST");
        JsonNode paused = JSON.readTree(sendJson("POST", "/api/v1/heartbeats/" + name + "/pause", token, "")
                .body());
        assertThat(paused.path("state").asString()).isEqualTo("PAUSED");
        clock.advance(Duration.ofHours(2));
        awaitCheck();
        ping(secret, "GET"); // recorded, but it stays paused
        clock.advance(Duration.ofHours(2));
        awaitCheck();
        assertThat(state(name, token)).isEqualTo("PAUSED");
        assertThat(heartbeatAlerts(name)).isEmpty();

        JsonNode resumed = JSON.readTree(sendJson("POST", "/api/v1/heartbeats/" + name + "/resume", token, "")
                .body());
        assertThat(resumed.path("state").asString()).isEqualTo("UP");
        assertThat(Instant.parse(resumed.path("dueAt").asString()))
                .isEqualTo(
                        clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        sendJson("DELETE", "/api/v1/heartbeats/" + name, token, "");
    }

    @Test
    void rotatingTheSecretRetiresTheOldOne() {
        String token = tokenFor(Role.RESPONDER);
        String name = "rotate-" + UUID.randomUUID().toString().substring(0, 8);
        String old = create(token, "{\"name\": \"" + name + "\", \"interval\": \"1h\"}")
                .path("secret")
                .asString();
        JsonNode rotated = JSON.readTree(sendJson("POST", "/api/v1/heartbeats/" + name + "/rotate-secret", token, "")
                .body());
        String secret = rotated.path("secret").asString();
        assertThat(secret).isNotBlank().isNotEqualTo(old);
        assertThat(pingResponse(old, "POST").statusCode()).isEqualTo(404);
        assertThat(pingResponse(secret, "POST").statusCode()).isEqualTo(200);
        sendJson("DELETE", "/api/v1/heartbeats/" + name, token, "");
    }

    private List<Alert> heartbeatAlerts(String name) {
        return alerts.list(new AlertFilter(null, null, List.of(AlertMatcher.parse("heartbeat=" + name)), null, null));
    }

    private List<Incident> incidentsOf(String name) {
        return incidents.list(new IncidentQuery(null, null, "HeartbeatMissed", 50)).stream()
                .filter(i -> incidents.details(i.id()).alerts().stream()
                        .anyMatch(a -> name.equals(a.labels().get("heartbeat"))))
                .toList();
    }

    /** Waits until the check task ran after the clock's current time. */
    private void awaitCheck() {
        Instant now = clock.instant();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select execution_time from scheduled_tasks where task_name = 'heartbeat-check'")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant()
                .isAfter(now));
    }

    private void awaitState(String name, String token, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(name, token), state::equals);
    }

    private JsonNode create(String token, String json) {
        HttpResponse<String> response = sendJson("POST", "/api/v1/heartbeats", token, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode heartbeat(String name, String token) {
        HttpResponse<String> response = get("/api/v1/heartbeats/" + name, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String state(String name, String token) {
        return heartbeat(name, token).path("state").asString();
    }

    private JsonNode ping(String secret, String method) {
        HttpResponse<String> response = pingResponse(secret, method);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> pingResponse(String secret, String method) {
        return send(HttpRequest.newBuilder(uri("/api/v1/heartbeats/" + secret + "/ping"))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> postAlert(String key, String alertname, String replica) {
        return send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\": {\"alertname\": \"" + alertname
                        + "\", \"severity\": \"none\", \"prometheus\": \"" + replica + "\"}}]")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
