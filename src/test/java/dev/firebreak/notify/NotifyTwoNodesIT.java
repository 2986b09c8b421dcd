package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.TestDatabase;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers on one PostgreSQL database page people by signed webhook to a sink in this JVM;
 * one node gets kill -9 mid-run. Every page's message arrives, each sent by one node: a webhook-id
 * the sink saw twice must be a message whose send was cut by the crash (more than one attempt).
 * Runs once, in the H2 pass, as it needs PostgreSQL itself.
 */
class NotifyTwoNodesIT {
    private static final int INCIDENTS = 30;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @TempDir
    Path data;

    @Test
    void everyPageArrives_sentByOneNode_evenWithANodeKilled() throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                received.merge(id, 1, Integer::sum);
            }
            exchange.sendResponseHeaders(id == null ? 400 : 200, -1);
            exchange.close();
        });
        sink.start();
        String url = TestDatabase.freshPostgresUrl();
        Path routing = data.resolve("routing.yml");
        Files.writeString(
                routing, "route:\n  group_by: [alertname]\n  group_wait: 0s\n  escalation_policy: notify-two\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_DB_URL", url,
                "FIREBREAK_DB_USER", TestDatabase.PG_USER,
                "FIREBREAK_ADMIN_PASSWORD", "notify-two-admin-pw",
                "FIREBREAK_ALERTS_ROUTING_FILE", routing.toString(),
                "FIREBREAK_SCHEDULER_HEARTBEAT", "1s",
                "FIREBREAK_NOTIFY_ALLOWED_NETWORKS", "127.0.0.0/8",
                // One page per incident to one person: the per-contact throttle would bundle them.
                "FIREBREAK_NOTIFY_THROTTLE", "0s"));
        String key = run(env, "admin", "create-integration", "--type", "prometheus", "--name", "two", "--rate", "1000");
        run(env, "admin", "create-user", "ops", "--role", "admin", "--password", "notify-two-ops-pw");
        String token = run(env, "admin", "create-token", "ops");
        ServerProcess a = start(env, "a");
        ServerProcess b = start(env, "b");
        try {
            post(
                    a,
                    "/api/v1/users",
                    token,
                    "{\"username\":\"pager\",\"password\":\"notify-two-user-pw\",\"role\":\"responder\"}");
            String method = post(
                    a,
                    "/api/v1/users/pager/contact-methods",
                    token,
                    "{\"kind\":\"webhook\",\"address\":\"http://127.0.0.1:"
                            + sink.getAddress().getPort() + "/hook\"}");
            Matcher id = ID.matcher(method);
            assertThat(id.find()).as(method).isTrue();
            send(
                    a,
                    "PUT",
                    "/api/v1/users/pager/contact-methods/" + id.group(1) + "/verification",
                    token,
                    "{\"verified\":true}");
            post(
                    a,
                    "/api/v1/escalation-policies",
                    token,
                    "{\"name\":\"notify-two\",\"tiers\":[{\"steps\":[{\"delay\":\"10m\",\"targets\":[{\"kind\":\"user\","
                            + "\"name\":\"pager\"}]}]}]}");
            for (int i = 0; i < INCIDENTS; i++) {
                ServerProcess node = i % 2 == 0 || i > INCIDENTS / 2 ? a : b;
                post(node, "/api/v2/alerts", key, "[{\"labels\":{\"alertname\":\"NotifyTwo" + i + "\"}}]");
                if (i == INCIDENTS / 2) {
                    kill(b);
                }
                Thread.sleep(50);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> sent(url).size() >= pagedIncidents(url));
            Thread.sleep(3000); // a second send of anything would arrive by now

            Map<String, Integer> attempts = sent(url);
            assertThat(attempts)
                    .as("a SENT message per incident that was paged")
                    .hasSize(pagedIncidents(url));
            assertThat(received.keySet()).as("every sent message arrived").containsAll(attempts.keySet());
            Set<String> doubled = received.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(doubled)
                    .as("a message that arrived twice was cut by the crash (attempted more than once)")
                    .allSatisfy(k -> assertThat(attempts.get(k)).isGreaterThan(1));
        } finally {
            a.close();
            kill(b);
            sink.stop(0);
        }
    }

    /** Message key to attempts, for every page message that was sent. */
    private static Map<String, Integer> sent(String url) throws Exception {
        Map<String, Integer> keys = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, "");
                ResultSet rows = db.createStatement()
                        .executeQuery("select message_key, attempts from notify_messages where kind = 'PAGE'"
                                + " and state = 'SENT'")) {
            while (rows.next()) {
                keys.put(rows.getString(1), rows.getInt(2));
            }
        }
        return keys;
    }

    private static int pagedIncidents(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, "");
                ResultSet rows = db.createStatement().executeQuery("select count(distinct incident_id) from pages")) {
            rows.next();
            return rows.getInt(1);
        }
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

    private static String post(ServerProcess server, String path, String token, String json) throws Exception {
        return send(server, "POST", path, token, json);
    }

    private static String send(ServerProcess server, String method, String path, String token, String json)
            throws Exception {
        HttpResponse<String> response = server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String run(Map<String, String> env, String... args) {
        JarProcess.Result result = JarProcess.run(env, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }
}
