package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Readiness follows the database: a database we can stop and start again (an H2 TCP server). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.connection-timeout=1000",
            "firebreak.data-dir=target/it-data",
            "management.endpoint.health.show-details=always"
        })
class ReadinessIT {
    static final int DB_PORT = freePort();
    static Server database = start();

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/mem:readiness;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
    }

    @AfterAll
    static void stop() {
        database.stop();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() throws Exception {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        database.stop();
        try {
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        } finally {
            database = start();
        }
        // Hikari does not classify H2's "database closed" (90121) as fatal, so the test evicts the
        // dead connections itself; PostgreSQL's 08xxx states are evicted by the pool on its own.
        dataSource.getHikariPoolMXBean().softEvictConnections();
        int status = 0;
        for (int i = 0; i < 50 && status != 200; i++) {
            Thread.sleep(200);
            status = status("/actuator/health/readiness");
        }
        assertThat(status).as(body("/actuator/health/readiness")).isEqualTo(200);
    }

    private int status(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String body(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static Server start() {
        try {
            return Server.createTcpServer("-tcpPort", String.valueOf(DB_PORT), "-ifNotExists")
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
