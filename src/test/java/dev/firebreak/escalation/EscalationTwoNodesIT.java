package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers on one PostgreSQL database page 3-step policies; one gets kill -9 while the
 * second steps fall due. Every page is written exactly once, and on time: within the polling bound,
 * or, for a step the dead node had already picked, within db-scheduler's dead-node takeover
 * (missed heartbeats; 1 s heartbeats here). Runs once, in the H2 pass, as it needs PostgreSQL itself.
 */
class EscalationTwoNodesIT {
    private static final int INCIDENTS = 40;
    private static final Duration DELAY = Duration.ofSeconds(8);

    @TempDir
    Path data;

    @Test
    void everyPageOfAKilledNodeIsDueExactlyOnceOnTime() throws Exception {
        String url = TestDatabase.freshPostgresUrl();
        Path routing = data.resolve("routing.yml");
        Files.writeString(
                routing, "route:\n  group_by: [alertname]\n  group_wait: 0s\n  escalation_policy: two-nodes\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_DB_URL",
                url,
                "FIREBREAK_DB_USER",
                TestDatabase.PG_USER,
                "FIREBREAK_ADMIN_PASSWORD",
                "two-nodes-admin-pw",
                "FIREBREAK_ALERTS_ROUTING_FILE",
                routing.toString(),
                // Dead-node takeover after six missed heartbeats: 6 s instead of 30 s.
                "FIREBREAK_SCHEDULER_HEARTBEAT",
                "1s"));
        String key = run(env, "admin", "create-integration", "--type", "prometheus", "--name", "two", "--rate", "1000");
        run(env, "admin", "create-user", "ops", "--role", "admin", "--password", "two-nodes-ops-pw");
        String token = run(env, "admin", "create-token", "ops");

        ServerProcess a = start(env, "a");
        ServerProcess b = start(env, "b");
        try {
            for (String user : List.of("first", "second", "third")) {
                post(
                        a,
                        "/api/v1/users",
                        token,
                        "{\"username\":\"" + user + "\",\"password\":\"two-nodes-user-pw\","
                                + "\"role\":\"responder\"}",
                        201);
            }
            post(a, "/api/v1/escalation-policies", token, policy(), 201);
            Instant started = Instant.now();
            // Spread over a few seconds, so the second steps fall due while node b is killed.
            for (int i = 0; i < INCIDENTS; i++) {
                ServerProcess node = i % 2 == 0 ? a : b;
                post(node, "/api/v2/alerts", key, "[{\"labels\":{\"alertname\":\"TwoNodes" + i + "\"}}]", 200);
                Thread.sleep(100);
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(url, "step_index = 0") == INCIDENTS);
            long untilSecond = Duration.between(
                            Instant.now(), started.plus(DELAY).plusSeconds(2))
                    .toMillis();
            Thread.sleep(Math.max(0, untilSecond));
            kill(b);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count(url, "1 = 1") >= 3L * INCIDENTS);
            Thread.sleep(2 * DELAY.toMillis()); // anything more would be a duplicate or a stray step

            List<Double> lateness = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, "");
                    ResultSet rows = db.createStatement()
                            .executeQuery("select incident_id, cycle, step_index, loop_index, username, due_at,"
                                    + " created_at from pages order by id")) {
                Map<String, Integer> seen = new HashMap<>();
                Map<Long, Integer> perIncident = new HashMap<>();
                while (rows.next()) {
                    String page = rows.getLong(1) + "/" + rows.getInt(2) + "/" + rows.getInt(3) + "/" + rows.getInt(4)
                            + "/" + rows.getString(5);
                    seen.merge(page, 1, Integer::sum);
                    perIncident.merge(rows.getLong(1), 1, Integer::sum);
                    if (rows.getInt(3) > 0) {
                        lateness.add(Duration.between(
                                                rows.getTimestamp(6).toInstant(),
                                                rows.getTimestamp(7).toInstant())
                                        .toMillis()
                                / 1000.0);
                    }
                }
                assertThat(seen)
                        .as("pages written twice")
                        .allSatisfy((page, times) -> assertThat(times).as(page).isEqualTo(1));
                assertThat(perIncident).hasSize(INCIDENTS);
                assertThat(perIncident.values()).as("pages per incident").containsOnly(3);
            }
            lateness.sort(Double::compare);
            assertThat(lateness).hasSize(2 * INCIDENTS);
            assertThat(lateness.get(0)).as("no step before its time").isGreaterThanOrEqualTo(0);
            assertThat(lateness.get((int) (lateness.size() * 0.9)))
                    .as("p90 lateness (s), all " + lateness)
                    .isLessThan(2.0);
            assertThat(lateness.get(lateness.size() - 1))
                    .as("max lateness (s): a step the dead node held waits for the takeover")
                    .isLessThan(15.0);
        } finally {
            a.close();
            kill(b);
        }
    }

    private static String policy() {
        StringBuilder steps = new StringBuilder();
        for (String user : List.of("first", "second", "third")) {
            steps.append(steps.isEmpty() ? "" : ",")
                    .append("{\"delay\":\"")
                    .append(DELAY.toSeconds())
                    .append("s\",\"targets\":[{\"kind\":\"user\",\"name\":\"")
                    .append(user)
                    .append("\"}]}");
        }
        return "{\"name\":\"two-nodes\",\"tiers\":[{\"steps\":[" + steps + "]}]}";
    }

    private ServerProcess start(Map<String, String> env, String name) throws Exception {
        Map<String, String> own = new HashMap<>(env);
        own.put("FIREBREAK_DATA_DIR", data.resolve(name).toString());
        return ServerProcess.start(own, data.resolve(name + ".log")).awaitReady();
    }

    private static void kill(ServerProcess server) {
        server.process.descendants().forEach(ProcessHandle::destroyForcibly);
        server.process.destroyForcibly();
    }

    private static long count(String url, String where) throws Exception {
        try (Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, "");
                ResultSet rows = db.createStatement().executeQuery("select count(*) from pages where " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void post(ServerProcess server, String path, String token, String json, int expected)
            throws Exception {
        HttpResponse<String> response = server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
    }

    private static String run(Map<String, String> env, String... args) {
        JarProcess.Result result = JarProcess.run(env, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }
}
