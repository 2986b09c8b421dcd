package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.JarProcess.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as users run it: help, exit codes, admin commands, and admin while the server runs. */
class JarIT {
    @TempDir
    Path data;

    @Test
    void everyCommandHasHelp() {
        for (List<String> command : List.of(
                List.of("--help"),
                List.of("serve", "--help"),
                List.of("version", "--help"),
                List.of("admin", "--help"),
                List.of("admin", "create-user", "--help"),
                List.of("admin", "create-token", "--help"),
                List.of("runbook", "--help"))) {
            Result result = JarProcess.run(Map.of(), command.toArray(String[]::new));
            assertThat(result.exitCode()).as(command.toString()).isZero();
            assertThat(result.out()).as(command.toString()).contains("Usage:");
        }
    }

    @Test
    void versionAndUnknownCommand() {
        assertThat(JarProcess.run(Map.of(), "version").out()).startsWith("firebreak 0.");
        Result unknown = JarProcess.run(Map.of(), "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
    }

    /** The file commands end their JVM with Runtime.halt: exit codes and all output must survive it. */
    @Test
    void fileCommandsKeepTheirExitCodesAndOutput() throws Exception {
        Path broken = Files.writeString(
                data.resolve("broken.md"), "# Broken\n\nSee [the guide](#nowhere) and [notes](missing.md).\n");
        Result lint = JarProcess.run(Map.of(), "runbook", "lint", broken.toString());
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).contains("broken-anchor", "missing-file");
        Result missing = JarProcess.run(
                Map.of(), "runbook", "parse", data.resolve("absent.md").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("firebreak: ").contains("no such file");
        Result parsed = JarProcess.run(Map.of(), "runbook", "parse", broken.toString(), "--format", "jsonl");
        assertThat(parsed.exitCode()).isZero();
        assertThat(parsed.out().strip()).startsWith("{\"source\":").endsWith("}");
    }

    @Test
    void adminCommandsWorkOnTheDatabaseAndWhileTheServerRuns() throws Exception {
        Map<String, String> env =
                Map.of("FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", "first-admin-password");
        Map<String, String> serverEnv = new java.util.HashMap<>(env);
        serverEnv.put("FIREBREAK_LOG_FORMAT", "ecs");
        Result badRole =
                JarProcess.run(env, "admin", "create-user", "ann", "--role", "boss", "--password", "long-password");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err().strip())
                .startsWith("firebreak: role must be one of")
                .doesNotContain("\n");

        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().putAll(serverEnv);
        Process server = builder.start();
        List<ProcessHandle> children = List.of();
        try {
            waitForReady(port, server);
            children = server.descendants().toList();
            if (JarProcess.serverRunsFromAotCache()) {
                // the build left an AOT cache beside the jar: the launcher runs the server from it
                assertThat(children).anyMatch(child -> child.info()
                        .arguments()
                        .map(args -> List.of(args).stream().anyMatch(a -> a.startsWith("-XX:AOTCache=")))
                        .orElse(false));
            }
            List<String> log = Files.readAllLines(data.resolve("server.log"));
            assertThat(log).anyMatch(line -> line.contains("Created user 'admin'"));
            assertThat(log)
                    .as("FIREBREAK_LOG_FORMAT=ecs logs JSON lines")
                    .isNotEmpty()
                    .allMatch(line -> line.startsWith("{\""));

            Result user = JarProcess.run(
                    env, "admin", "create-user", "ann", "--role", "responder", "--password", "long-password");
            assertThat(user.exitCode()).as(user.err()).isZero();
            Result token = JarProcess.run(env, "admin", "create-token", "ann");
            assertThat(token.exitCode()).as(token.err()).isZero();
            assertThat(token.out()).matches("fbk_[A-Za-z0-9_-]{43}\\R");
            Result missing = JarProcess.run(env, "admin", "create-token", "nobody");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err().strip()).isEqualTo("firebreak: no user 'nobody'");

            HttpResponse<String> me = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                                    .header(
                                            "Authorization",
                                            "Bearer " + token.out().strip())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"ann\"");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(children).as("the launcher stops its server JVM").noneMatch(ProcessHandle::isAlive);
        }
        assertThat(data.resolve("firebreak.mv.db")).exists();
    }

    /**
     * The jar's server runs from the bean definitions the build generated (Spring AOT), and the
     * switches the build cannot see still work: the demo and a routing file are run-time settings.
     */
    @Test
    void theServerRunsFromTheBuildsBeanDefinitionsAndHonoursRunTimeSwitches() throws Exception {
        Path routing = data.resolve("routing.yaml");
        Files.writeString(routing, "route:\n  group_by: [alertname, service]\n");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(port), "--demo"))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "FIREBREAK_DATA_DIR", data.toString(),
                        "FIREBREAK_ADMIN_PASSWORD", "first-admin-password",
                        "FIREBREAK_ALERTS_ROUTING_FILE", routing.toString()));
        Process server = builder.start();
        try {
            waitForReady(port, server);
            String log = Files.readString(data.resolve("server.log"));
            assertThat(log)
                    .contains("Starting AOT-processed FirebreakApplication")
                    .containsPattern("routing configuration version \\d+ loaded from "
                            + java.util.regex.Pattern.quote(routing.toString()))
                    .contains("Demo: sending sample alerts");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        }
        // Without the switches, neither runs (the same beans, off at run time).
        Path plain = data.resolve("plain");
        int again = freePort();
        builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(again)))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("plain.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "FIREBREAK_DATA_DIR", plain.toString(), "FIREBREAK_ADMIN_PASSWORD", "first-admin-password"));
        server = builder.start();
        try {
            waitForReady(again, server);
            assertThat(Files.readString(data.resolve("plain.log")))
                    .contains("Starting AOT-processed FirebreakApplication")
                    .doesNotContain("routing configuration version")
                    .doesNotContain("Demo:");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        }
    }

    @Test
    void aServerWhoseLauncherIsKilledStopsItself() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                JarProcess.serverRunsFromAotCache(),
                "no AOT cache beside the jar (built with -Dfirebreak.aot.skip): the server runs in the launcher's JVM");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", "first-admin-password"));
        Process launcher = builder.start();
        List<ProcessHandle> servers = List.of();
        try {
            waitForReady(port, launcher);
            servers = launcher.descendants().toList();
            assertThat(servers).isNotEmpty();
            launcher.destroyForcibly();
            for (ProcessHandle server : servers) {
                server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            servers.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        assertThat(Files.readString(data.resolve("server.log"))).contains("the launcher is gone; stopping");
    }

    static void waitForReady(int port, Process server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited with " + server.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready within 90 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
