package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx means committed: fire alerts from several threads, kill -9 the server mid-run, restart it,
 * and check every acknowledged alert is there exactly once with at least its acknowledged receipts.
 */
class IntakeDurabilityIT {
    private static final int THREADS = 8;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedAlertSurvivesKillDashNine() throws Exception {
        Map<String, String> env =
                Map.of("FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", "durable-admin-pw");
        JarProcess.Result created =
                JarProcess.run(env, "admin", "create-integration", "--type", "prometheus", "--name", "load");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("[A-Za-z0-9]{43}");

        int port = freePort();
        Process server = start(env, port, "first.log");
        Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        // New alerts and repeats of earlier ones, as Prometheus resends.
                        String name = "load-" + thread + "-" + (i % 3 == 2 ? i - 1 : i);
                        try {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                                            .timeout(Duration.ofSeconds(5))
                                            .header("Authorization", "Bearer " + key)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\""
                                                    + name + "\",\"job\":\"durability\"}}]"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged
                                        .computeIfAbsent(name, n -> new AtomicInteger())
                                        .incrementAndGet();
                                answered.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            // The server is gone; keep trying until told to stop.
                        }
                    }
                    return null;
                }));
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (answered.get() < 300 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            // kill -9 the server JVM: the launcher's child when it runs from the AOT cache
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            server.descendants().forEach(p -> p.onExit().join());
            Thread.sleep(300);
            stop.set(true);
            for (Future<?> f : senders) {
                f.get();
            }
        }
        assertThat(answered.get()).isGreaterThanOrEqualTo(300);

        Process again = start(env, port, "second.log");
        again.destroy();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, int[]> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.resolve("firebreak") + ";AUTO_SERVER=TRUE", "sa", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select labels_json, receive_count from alerts join alert_receipts on alert_id = id")) {
            while (rows.next()) {
                String name = rows.getString(1).replaceAll(".*\"alertname\":\"([^\"]+)\".*", "$1");
                int[] entry = stored.computeIfAbsent(name, n -> new int[2]);
                entry[0]++;
                entry[1] += rows.getInt(2);
            }
        }
        acknowledged.forEach((name, count) -> {
            assertThat(stored).as("acknowledged alert " + name).containsKey(name);
            assertThat(stored.get(name)[0]).as("rows of " + name).isEqualTo(1);
            assertThat(stored.get(name)[1]).as("receipts of " + name).isGreaterThanOrEqualTo(count.get());
        });
    }

    private Process start(Map<String, String> env, int port, String log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(log).toFile());
        builder.environment().putAll(env);
        Process server = builder.start();
        waitForReady(port, server);
        return server;
    }

    private static void waitForReady(int port, Process server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited with " + server.exitValue());
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
