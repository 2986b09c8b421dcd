package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A monitor that went silent while the server was down goes DOWN after the start: its due time is
 * in the database, and the check is a durable db-scheduler task. Runs the real jar on H2 and
 * PostgreSQL; the silence is its due time moved into the past while the server is stopped.
 */
@Tag("database")
class HeartbeatRestartIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void aMonitorThatWentSilentWhileTheServerWasDownGoesDownAfterTheStart() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_DATA_DIR", data.toString(),
                "FIREBREAK_ADMIN_PASSWORD", "restart-admin-pw",
                "FIREBREAK_HEARTBEATS_CHECKINTERVAL", "1s"));
        String url = "jdbc:h2:file:" + data.resolve("firebreak") + ";AUTO_SERVER=TRUE";
        String user = "sa";
        if (TestDatabase.postgres()) {
            url = TestDatabase.freshPostgresUrl();
            user = TestDatabase.PG_USER;
            env.putAll(Map.of("FIREBREAK_DB_URL", url, "FIREBREAK_DB_USER", user));
        }
        run(env, "admin", "create-user", "ops", "--role", "responder", "--password", "restart-ops-password");
        String token = run(env, "admin", "create-token", "ops");

        String secret;
        try (ServerProcess server =
                ServerProcess.start(env, data.resolve("first.log")).awaitReady()) {
            HttpResponse<String> created = server.send(server.request("/api/v1/heartbeats")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"nightly-backup\", \"interval\": \"10m\", \"grace\": \"1m\"}")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            secret = JSON.readTree(created.body()).path("secret").asString();
            HttpResponse<String> ping = server.send(
                    server.request("/api/v1/heartbeats/" + secret + "/ping").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
            assertThat(state(server, token)).isEqualTo("UP");
        }

        // Twenty minutes of silence while no server runs.
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            db.createStatement()
                    .executeUpdate("update heartbeats set last_ping_at = last_ping_at - interval '20' minute,"
                            + " due_at = due_at - interval '20' minute where name = 'nightly-backup'");
        }

        try (ServerProcess again =
                ServerProcess.start(env, data.resolve("second.log")).awaitReady()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state(again, token), "DOWN"::equals);
            JsonNode alerts = JSON.readTree(
                    again.send(again.request("/api/v1/alerts?status=firing&matcher=heartbeat%3Dnightly-backup")
                                    .header("Authorization", "Bearer " + token))
                            .body());
            assertThat(alerts.size()).as(alerts.toString()).isEqualTo(1);
            assertThat(alerts.get(0).path("labels").path("alertname").asString())
                    .isEqualTo("HeartbeatMissed");

            // The next ping brings it back.
            again.send(
                    again.request("/api/v1/heartbeats/" + secret + "/ping").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(state(again, token)).isEqualTo("UP");
        }
    }

    private static String state(ServerProcess server, String token) throws Exception {
        return JSON.readTree(server.send(server.request("/api/v1/heartbeats/nightly-backup")
                                .header("Authorization", "Bearer " + token))
                        .body())
                .path("state")
                .asString();
    }

    private static String run(Map<String, String> env, String... args) {
        JarProcess.Result result = JarProcess.run(env, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }
}
