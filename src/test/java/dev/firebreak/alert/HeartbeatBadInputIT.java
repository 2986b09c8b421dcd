package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every refusal of the heartbeat API is problem+json with its reason, and stores nothing. */
@Tag("database")
class HeartbeatBadInputIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void badMonitorsAreRefusedWithTheirReason() {
        String token = tokenFor(Role.RESPONDER);
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        refused(token, "{\"name\": \"" + name + "\", \"interval\": \"10s\"}", 400, "interval", "between 30s and 7d");
        refused(token, "{\"name\": \"" + name + "\", \"interval\": \"8d\"}", 400, "interval", "between 30s and 7d");
        refused(token, "{\"name\": \"" + name + "\", \"interval\": \"soon\"}", 400, "interval", "not a duration");
        refused(token, "{\"name\": \"" + name + "\"}", 400, "interval", "needs an interval");
        refused(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"grace\": \"-1m\"}",
                400,
                "grace",
                "between 0s and 7d");
        refused(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"matchers\": [\"alertname~Watchdog\"]}",
                400,
                "matchers",
                "bad matcher");
        refused(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"matchers\": [\"team=~\\\".*\\\"\"]}",
                400,
                "matchers",
                "must not match the empty string");
        refused(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"labels\": {\"alertname\": \"x\"}}",
                400,
                "labels",
                "set by the monitor");
        refused(
                token,
                "{\"name\": \"" + name + "\", \"interval\": \"5m\", \"integration\": 987654}",
                400,
                "integration",
                "no integration 987654");
        refused(token, "{\"name\": \"has space\", \"interval\": \"5m\"}", 400, "name", "letters, digits");
        refused(token, "", 400, "name", "needs a name");
        assertThat(get("/api/v1/heartbeats/" + name, token).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/heartbeats", token).body()).doesNotContain(name);

        // Duplicates, unknown monitors and secrets, and a bad change that leaves the monitor as it was.
        assertThat(sendJson("POST", "/api/v1/heartbeats", token, "{\"name\": \"" + name + "\", \"interval\": \"5m\"}")
                        .statusCode())
                .isEqualTo(201);
        refused(token, "{\"name\": \"" + name + "\", \"interval\": \"1h\"}", 409, null, "exists");
        HttpResponse<String> patch = sendJson(
                "PATCH",
                "/api/v1/heartbeats/" + name,
                token,
                "{\"interval\": \"1h\", \"grace\": \"-5s\", \"description\": \"changed\"}");
        problem(patch, 400, "grace", "grace");
        JsonNode unchanged =
                JSON.readTree(get("/api/v1/heartbeats/" + name, token).body());
        assertThat(unchanged.path("interval").asString()).isEqualTo("5m");
        assertThat(unchanged.path("description").asString()).isEmpty();
        problem(sendJson("PATCH", "/api/v1/heartbeats/no-such-" + name, token, "{}"), 404, null, "no heartbeat");
        problem(
                sendJson("POST", "/api/v1/heartbeats/no-such-" + name + "/pause", token, ""),
                404,
                null,
                "no heartbeat");
        problem(sendJson("DELETE", "/api/v1/heartbeats/no-such-" + name, token, ""), 404, null, "no heartbeat");
        problem(
                send(HttpRequest.newBuilder(uri("/api/v1/heartbeats/not-a-secret/ping"))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                404,
                null,
                "ping secret");

        // Viewers read, responders change; the integration type is not for people.
        String viewer = tokenFor(Role.VIEWER);
        assertThat(get("/api/v1/heartbeats/" + name, viewer).statusCode()).isEqualTo(200);
        assertThat(sendJson("POST", "/api/v1/heartbeats/" + name + "/pause", viewer, "")
                        .statusCode())
                .isEqualTo(403);
        String admin = tokenFor(Role.ADMIN);
        problem(
                sendJson(
                        "POST",
                        "/api/v1/integrations",
                        admin,
                        "{\"name\": \"hb-" + name + "\", \"type\": \"heartbeat\"}"),
                400,
                "type",
                "made by heartbeat monitors");
        assertThat(sendJson("DELETE", "/api/v1/heartbeats/" + name, token, "").statusCode())
                .isEqualTo(204);
    }

    private void refused(String token, String body, int status, String field, String reason) {
        problem(sendJson("POST", "/api/v1/heartbeats", token, body), status, field, reason);
    }

    private static void problem(HttpResponse<String> response, int status, String field, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString()).as(response.body()).contains(reason);
        if (field != null) {
            assertThat(problem.path("field").asString()).isEqualTo(field);
        }
    }
}
