package dev.firebreak.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's AOT training run: a start through to readiness and a few requests, then a graceful
 * stop, at which the JVM writes the cache. A start that stopped once the context was refreshed left
 * out the ready phase (the first admin's password hash, the search index, Tomcat's first requests):
 * ~900 classes loaded from jars during the last second before readiness.
 */
final class ServerTraining {
    /** Pages a first visit touches; the readiness probe is polled anyway. */
    private static final List<String> PATHS = List.of("/login", "/", "/actuator/health", "/api/v1/me");

    private ServerTraining() {}

    /** Runs {@code java OPTIONS -jar app serve --port N} with {@code env} until it is ready, then stops it. */
    static void run(List<String> javaAndOptions, Path app, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(javaAndOptions);
        command.addAll(List.of(
                "-jar", app.toString(), "serve", "--port", Integer.toString(port), "--server.address=127.0.0.1"));
        Path log = Files.createTempFile("firebreak-aot-server", ".log");
        Process server = AotCache.start(command, env, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (status(port, "/actuator/health/readiness") != 200) {
                if (!server.isAlive()) {
                    throw AotCache.failed(command, "exit " + server.exitValue() + " before it was ready", log);
                }
                if (System.nanoTime() > deadline) {
                    throw AotCache.failed(command, "not ready within 5 minutes", log);
                }
                Thread.sleep(100);
            }
            for (String path : PATHS) {
                status(port, path);
            }
            server.destroy(); // SIGTERM: a graceful stop, at whose end the JVM writes the cache
            if (!server.waitFor(2, TimeUnit.MINUTES)) {
                throw AotCache.failed(command, "did not stop within 2 minutes", log);
            }
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The status of a GET on the loopback port, or -1 while nothing answers. */
    private static int status(int port, String path) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(10_000);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                body.readAllBytes();
                body.close();
            }
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }
}
