package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of a real server between an alert group firing and its incident's write: after the
 * restart the incident opens, once. The incident write is held by an uncommitted row that claims
 * the group's open incident, so the kill lands exactly there; runs on H2 and PostgreSQL.
 */
@Tag("database")
class HandOffCrashIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void anIncidentCutOffByKillDashNineOpensOnceAfterTheRestart() throws Exception {
        Map<String, String> env = new HashMap<>(
                Map.of("FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", "crash-admin-pw"));
        String url = "jdbc:h2:file:" + data.resolve("firebreak") + ";AUTO_SERVER=TRUE";
        String user = "sa";
        if (TestDatabase.postgres()) {
            url = TestDatabase.freshPostgresUrl();
            user = TestDatabase.PG_USER;
            env.putAll(Map.of("FIREBREAK_DB_URL", url, "FIREBREAK_DB_USER", user));
        }
        String key = run(env, "admin", "create-integration", "--type", "events-v2", "--name", "crash");
        run(env, "admin", "create-user", "ops", "--role", "admin", "--password", "crash-ops-password");
        String token = run(env, "admin", "create-token", "ops");
        String dedupKey = "crash-" + UUID.randomUUID();
        long integration;
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            integration = single(db, "select id from integrations where name = 'crash'");
        }
        // The group an Events v2 alert forms on the default route: its own, fired at once.
        String groupKey = "0:{dedup_key=\"" + dedupKey + "\",integration=\"" + integration + "\"}";

        ServerProcess server =
                ServerProcess.start(env, data.resolve("first.log")).awaitReady();
        try (Connection blocker = DriverManager.getConnection(url, user, "")) {
            blocker.setAutoCommit(false);
            try (PreparedStatement claim = blocker.prepareStatement("insert into incidents (group_key, open_group_key,"
                    + " title, state, severity, opened_at, reopen_count, updated_at)"
                    + " values (?, ?, 'blocker', 'TRIGGERED', 'P3', current_timestamp, 0, current_timestamp)")) {
                claim.setString(1, groupKey);
                claim.setString(2, groupKey);
                claim.executeUpdate();
            }
            HttpResponse<String> trigger = post(
                    server,
                    "/v2/enqueue",
                    "{\"routing_key\": \"" + key
                            + "\", \"event_action\": \"trigger\", \"dedup_key\": \"" + dedupKey
                            + "\", \"payload\": {\"summary\": \"disk full on crash-host\", \"source\": \"crash-host\","
                            + " \"severity\": \"critical\"}}");
            assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(202);
            // The group fired and its hand-off is committed; the incident is not.
            try (Connection reader = DriverManager.getConnection(url, user, "")) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> single(
                                        reader,
                                        "select count(*) from event_publication where event_type like '%AlertGroupsFiring'"
                                                + " and serialized_event like '%" + dedupKey + "%'")
                                == 1);
                assertThat(single(reader, "select count(*) from incidents")).isZero();
            }
            // SIGKILL, to the server JVM itself too where the launcher runs it as a child (AOT cache).
            server.process.descendants().forEach(ProcessHandle::destroyForcibly);
            server.process.destroyForcibly();
            assertThat(server.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            try {
                blocker.rollback();
            } catch (SQLException gone) {
                // H2's connection went through the killed server
            }
        }

        try (ServerProcess again =
                ServerProcess.start(env, data.resolve("second.log")).awaitReady()) {
            JsonNode incidents = Awaitility.await()
                    .atMost(Duration.ofSeconds(40))
                    .until(
                            () -> JSON.readTree(get(again, "/api/v1/incidents?q=crash-host", token)),
                            n -> n.size() >= 1);
            Thread.sleep(1500); // a second opening, were there one, would show by now
            incidents = JSON.readTree(get(again, "/api/v1/incidents?q=disk+full+on+crash-host", token));
            assertThat(incidents.size()).as(incidents.toString()).isEqualTo(1);
            assertThat(incidents.get(0).path("state").asString()).isEqualTo("TRIGGERED");
            JsonNode handOffs = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () -> JSON.readTree(get(again, "/api/v1/admin/hand-offs", token)),
                            n -> n.path("pending").asLong() == 0);
            assertThat(handOffs.path("items").size()).isZero();
        }
    }

    private static String run(Map<String, String> env, String... args) {
        JarProcess.Result result = JarProcess.run(env, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String get(ServerProcess server, String path, String token) throws Exception {
        return server.send(server.request(path).header("Authorization", "Bearer " + token))
                .body();
    }

    private static HttpResponse<String> post(ServerProcess server, String path, String json) throws Exception {
        return server.send(server.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
