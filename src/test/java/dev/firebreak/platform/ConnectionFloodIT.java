package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.web.ConnectionLimits;
import dev.firebreak.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A flood of idle connections from one address, bounded (120 sockets, under a minute) and on
 * loopback: the address gets its cap and no more, the idle ones are closed after the header
 * timeout, and another client, health and the intake port keep answering throughout.
 */
@org.springframework.test.annotation.DirtiesContext
@Tag("database")
@TestPropertySource(
        properties = {
            "firebreak.security.connections.per-client=40",
            "firebreak.security.connections.intake-port=0",
            "server.tomcat.connection-timeout=3s"
        })
class ConnectionFloodIT extends ServerTest {
    private static final int FLOOD = 120;

    @Autowired
    ConnectionLimits connectors;

    @Autowired
    Integrations integrations;

    /** Whether the server closed the socket (read gives -1 or a reset) within the timeout. */
    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try (InputStream in = socket.getInputStream()) {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private Raw getFrom(String localAddress, int port, String path) throws IOException {
        // A raw HTTP/1.1 request from a chosen loopback address, which java.net.http cannot bind.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Raw(status, answer);
        }
    }

    @Test
    void oneAddressGetsItsCapAndEverybodyElseKeepsBeingServed() throws Exception {
        int intakePort = connectors.intakePort();
        assertThat(intakePort).isPositive().isNotEqualTo(port);
        String key = integrations
                .create(
                        "flood-" + UUID.randomUUID().toString().substring(0, 8),
                        IntegrationType.PROMETHEUS,
                        1000,
                        1000,
                        null)
                .key();
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                flood.add(s);
            }
            // Over the cap: closed at once. The first 40 are held until the header timeout.
            int refused = 0;
            for (Socket s : flood.subList(40, FLOOD)) {
                refused += closedWithin(s, 1000) ? 1 : 0;
            }
            assertThat(refused).isEqualTo(FLOOD - 40);

            assertThat(getFrom("127.0.0.4", port, "/actuator/health/readiness").statusCode())
                    .isEqualTo(200);
            assertThat(getFrom("127.0.0.3", intakePort, "/-/healthy").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> intake = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + intakePort + "/api/v2/alerts"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"DuringFlood\"}}]")));
            assertThat(intake.statusCode()).as(intake.body()).isEqualTo(200);
            Raw ui = getFrom("127.0.0.4", intakePort, "/incidents");
            assertThat(ui.statusCode()).isEqualTo(404);
            assertThat(ui.body()).contains("alert intake and health only");

            // The held ones send nothing: the header timeout (3 s here) closes them.
            int closed = 0;
            for (Socket s : flood.subList(0, 40)) {
                closed += closedWithin(s, 8000) ? 1 : 0;
            }
            assertThat(closed).isEqualTo(40);
            // And the address may connect again.
            assertThat(getFrom("127.0.0.3", port, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    private record Raw(int statusCode, String body) {}
}
