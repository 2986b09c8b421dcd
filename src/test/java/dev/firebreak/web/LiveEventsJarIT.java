package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import dev.firebreak.support.ServerTest.WebSession;
import dev.firebreak.support.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live pages against the real jar: shutdown with pages open, and two nodes on one database. */
class LiveEventsJarIT {
    private static final String PASSWORD = "live-admin-password";

    @TempDir
    Path data;

    @Test
    void aServerWithLivePagesOpenStopsWithinFiveSeconds() throws Exception {
        ServerProcess server = ServerProcess.start(
                        Map.of("FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", PASSWORD),
                        data.resolve("server.log"))
                .awaitReady();
        WebSession session = server.login("admin", PASSWORD);
        List<CompletableFuture<Void>> ended = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            BufferedReader stream = reader(server.liveEvents(session));
            assertThat(stream.readLine()).isEqualTo("event:ready");
            ended.add(CompletableFuture.runAsync(() -> drain(stream)));
        }
        long start = System.nanoTime();
        server.process.destroy();
        boolean exited = server.process.waitFor(5, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            server.close();
        }
        assertThat(exited)
                .as("stopped within 5 s (took %s); log:%n%s", took, log(data.resolve("server.log")))
                .isTrue();
        assertThat(server.process.descendants()).noneMatch(ProcessHandle::isAlive);
        CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        System.out.println("shutdown with 3 live pages open took " + took.toMillis() + " ms");
    }

    /**
     * A change made through node A reaches a page open on node B, over PostgreSQL LISTEN/NOTIFY,
     * and node A's own pages get it once, not once more from the database.
     */
    @Test
    void aChangeOnOneNodeReachesLivePagesOnAnother() throws Exception {
        String url = TestDatabase.postgresUrl(); // skips, or fails under FIREBREAK_REQUIRE_SERVICES, without one
        Path routing =
                Files.writeString(data.resolve("routing.yaml"), "route:\n  group_by: [alertname]\n  group_wait: 0s\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREBREAK_DB_URL",
                url,
                "FIREBREAK_DB_USER",
                "postgres",
                "FIREBREAK_ADMIN_PASSWORD",
                PASSWORD,
                "FIREBREAK_ALERTS_ROUTING_FILE",
                routing.toString()));
        env.put("FIREBREAK_DATA_DIR", data.resolve("admin").toString());
        JarProcess.Result created =
                JarProcess.run(env, "admin", "create-integration", "--type", "prometheus", "--name", "cluster");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();

        env.put("FIREBREAK_DATA_DIR", data.resolve("a").toString());
        ServerProcess a = ServerProcess.start(env, data.resolve("a.log"));
        env.put("FIREBREAK_DATA_DIR", data.resolve("b").toString());
        ServerProcess b = ServerProcess.start(env, data.resolve("b.log"));
        try (a;
                b) {
            a.awaitReady();
            b.awaitReady();
            WebSession onA = a.login("admin", PASSWORD);
            WebSession onB = b.login("admin", PASSWORD);
            postAlert(a, key, "ClusterCheck");
            long id = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> incidentOf(a, onA, "ClusterCheck"), found -> found > 0);

            List<String> pageOnA = collect(a.liveEvents(onA));
            List<String> pageOnB = collect(b.liveEvents(onB));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> pageOnA.contains("event:ready") && pageOnB.contains("event:ready"));
            int seenOnA = pageOnA.size();
            int seenOnB = pageOnB.size();
            HttpResponse<String> ack = a.send(a.request("/incidents/" + id + "/acknowledge")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + onA.csrf()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", onA.cookie()));
            assertThat(ack.statusCode()).isEqualTo(302);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("node B's page gets node A's change")
                    .until(() -> pageOnB.subList(seenOnB, pageOnB.size()).contains("data:" + id));
            Thread.sleep(2000); // time for a second copy on node A, were it sent
            long onNodeA = count(pageOnA.subList(seenOnA, pageOnA.size()), "data:" + id);
            long onNodeB = count(pageOnB.subList(seenOnB, pageOnB.size()), "data:" + id);
            assertThat(onNodeA)
                    .as("node A pushes its own change once per event")
                    .isEqualTo(onNodeB);

            postAlert(a, key, "ClusterAlert");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("alert events cross nodes too")
                    .until(() -> pageOnB.subList(seenOnB, pageOnB.size()).contains("event:alert"));

            // The listening connections die, as in a database restart (this database's sessions only).
            assertThat(terminateSignalConnections(url)).isEqualTo(2);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .alias("both nodes listen again")
                    .until(() -> signalConnections(url) == 2);
            int later = pageOnB.size();
            HttpResponse<String> note = a.send(a.request("/incidents/" + id + "/notes")
                    .POST(HttpRequest.BodyPublishers.ofString("text=after&_csrf=" + onA.csrf()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", onA.cookie()));
            assertThat(note.statusCode()).isEqualTo(302);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("node B's page gets node A's changes after the reconnect")
                    .until(() -> pageOnB.subList(later, pageOnB.size()).contains("data:" + id));
        }
    }

    private static int terminateSignalConnections(String url) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(url, "postgres", "");
                var rows = db.createStatement()
                        .executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where datname = current_database() and application_name = 'firebreak-signals'")) {
            int terminated = 0;
            while (rows.next()) {
                terminated += rows.getBoolean(1) ? 1 : 0;
            }
            return terminated;
        }
    }

    private static int signalConnections(String url) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(url, "postgres", "");
                var rows = db.createStatement()
                        .executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                                + " and application_name = 'firebreak-signals' and query like 'LISTEN %'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void postAlert(ServerProcess node, String key, String name) throws Exception {
        HttpResponse<String> posted = node.send(node.request("/api/v2/alerts")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"" + name + "\"}}]"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    }

    /** The database is the test's own: the first incident is the one the alert opened. */
    private static long incidentOf(ServerProcess node, WebSession session, String name) throws Exception {
        String rows = node.send(node.request("/incidents/rows?state=all")
                        .header("Cookie", session.cookie())
                        .header("Accept", "text/html"))
                .body();
        Matcher row = Pattern.compile("data-incident=\"(\\d+)\"").matcher(rows);
        return rows.contains(name) && row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    private static List<String> collect(InputStream stream) {
        List<String> lines = new CopyOnWriteArrayList<>();
        BufferedReader reader = reader(stream);
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the server stopped
            }
        });
        return lines;
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private static BufferedReader reader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    private static void drain(BufferedReader stream) {
        try {
            while (stream.readLine() != null) {
                // until the server ends the stream
            }
        } catch (IOException e) {
            // or the connection
        }
    }

    private static String log(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
