package dev.firebreak.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server started from target/firebreak.jar on a free loopback port, and what tests do with it. */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    public final Process process;
    public final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server; {@link #awaitReady()} waits for it. */
    public static ServerProcess start(Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(JarProcess.command("--port", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), port);
    }

    public ServerProcess awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try {
                if (HTTP.send(request("/actuator/health/readiness").build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready within 120 s");
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's session after a form login, as {@link ServerTest#login} makes it. */
    public ServerTest.WebSession login(String username, String password) {
        return ServerTest.login(this::request, this::sendUnchecked, username, password);
    }

    private HttpResponse<String> sendUnchecked(HttpRequest.Builder request) {
        try {
            return send(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live pages' event stream of a logged-in session, read as it arrives. */
    public InputStream liveEvents(ServerTest.WebSession session) throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/incidents"))
                        .header("Cookie", session.cookie())
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("event stream answered " + stream.statusCode());
        }
        return stream.body();
    }

    /** SIGTERM, as a service manager stops it; the launcher passes it on to a server JVM of its own. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
