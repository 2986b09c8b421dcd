package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server stopped in the middle of a policy: after the restart the next step fires once, at
 * its time (or at once, if the restart took longer than the delay). Real clock, so a 60 s step.
 */
@Tag("database")
class EscalationRestartIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DELAY = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void anEscalationNeverResumesAfterARestart_itDoes() throws Exception {
        Path routing = data.resolve("routing.yml");
        Files.writeString(routing, "route:\n  receiver: default\n  escalation_policy: restart-policy\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_DATA_DIR", data.toString(),
                "FIREBREAK_ADMIN_PASSWORD", "restart-admin-pw",
                "FIREBREAK_ALERTS_ROUTING_FILE", routing.toString()));
        if (TestDatabase.postgres()) {
            env.putAll(Map.of(
                    "FIREBREAK_DB_URL", TestDatabase.freshPostgresUrl(), "FIREBREAK_DB_USER", TestDatabase.PG_USER));
        }
        String key = run(env, "admin", "create-integration", "--type", "events-v2", "--name", "restart");
        run(env, "admin", "create-user", "ops", "--role", "admin", "--password", "restart-ops-password");
        run(env, "admin", "create-user", "alice", "--role", "responder", "--password", "restart-alice-pw");
        run(env, "admin", "create-user", "bob", "--role", "responder", "--password", "restart-bob-pw");
        String token = run(env, "admin", "create-token", "ops");

        long incident;
        Instant firstPaged;
        try (ServerProcess server =
                ServerProcess.start(env, data.resolve("first.log")).awaitReady()) {
            HttpResponse<String> policy = server.send(server.request("/api/v1/escalation-policies/restart-policy")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"tiers\": [{\"steps\": ["
                            + "{\"delay\": \"" + DELAY.toSeconds()
                            + "s\", \"targets\": [{\"kind\": \"user\", \"name\": \"alice\"}]},"
                            + "{\"delay\": \"10m\", \"targets\": [{\"kind\": \"user\", \"name\": \"bob\"}]}]}]}")));
            assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
            HttpResponse<String> trigger = server.send(server.request("/v2/enqueue")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"routing_key\": \"" + key
                            + "\", \"event_action\": \"trigger\", \"dedup_key\": \"restart-" + UUID.randomUUID()
                            + "\", \"payload\": {\"summary\": \"queue stuck on restart-host\", \"source\": \"restart-host\","
                            + " \"severity\": \"critical\"}}")));
            assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(202);
            JsonNode incidents = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> JSON.readTree(get(server, "/api/v1/incidents?q=restart-host", token)),
                            n -> n.size() == 1);
            incident = incidents.get(0).get("id").asLong();
            JsonNode pages = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> pages(server, incident, token), n -> n.size() == 1);
            assertThat(pages.get(0).get("username").asString()).isEqualTo("alice");
            firstPaged = Instant.parse(pages.get(0).get("dueAt").asString());
        }
        Instant due = firstPaged.plus(DELAY);
        assertThat(Instant.now()).as("stopped before the second step was due").isBefore(due);

        try (ServerProcess again =
                ServerProcess.start(env, data.resolve("second.log")).awaitReady()) {
            Instant ready = Instant.now();
            JsonNode pages = Awaitility.await()
                    .atMost(DELAY.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> pages(again, incident, token), n -> n.size() >= 2);
            Thread.sleep(1500); // a second page of that step, were there one, would show by now
            pages = pages(again, incident, token);
            List<String> users =
                    pages.valueStream().map(p -> p.get("username").asString()).toList();
            assertThat(users).containsExactly("alice", "bob");
            Instant paged = Instant.parse(pages.get(1).get("dueAt").asString());
            assertThat(paged).isAfterOrEqualTo(due);
            // On time: within about a poll of its due time, or of the restart when that came later.
            Instant expected = ready.isAfter(due) ? ready : due;
            assertThat(Duration.between(expected, paged)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static JsonNode pages(ServerProcess server, long incident, String token) throws Exception {
        return JSON.readTree(get(server, "/api/v1/incidents/" + incident + "/pages", token));
    }

    private static String run(Map<String, String> env, String... args) {
        JarProcess.Result result = JarProcess.run(env, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }

    private static String get(ServerProcess server, String path, String token) throws Exception {
        return server.send(server.request(path).header("Authorization", "Bearer " + token))
                .body();
    }
}
