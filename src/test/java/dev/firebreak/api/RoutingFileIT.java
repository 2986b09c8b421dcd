package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** firebreak.alerts.routing-file becomes the active routing at start. */
@Tag("database")
class RoutingFileIT extends ServerTest {
    /** Other test classes share the database and expect the built-in routing. */
    @org.junit.jupiter.api.AfterEach
    void restoreDefaultRouting() {
        send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + tokenFor(dev.firebreak.platform.security.Role.ADMIN))
                .header("Content-Type", "application/yaml")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("route:\n  group_by: [alertname]\n")));
    }

    static final String YAML = "# from git " + UUID.randomUUID() + "\nroute:\n  group_by: [alertname, service]\n"
            + "  routes:\n    - matchers: [team=\"ops\"]\n      service: operations\n";

    @DynamicPropertySource
    static void routingFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("routing", ".yaml");
            Files.writeString(file, YAML);
            file.toFile().deleteOnExit();
            registry.add("firebreak.alerts.routing-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsTheActiveRouting() {
        HttpResponse<String> routing = get("/api/v1/routing", tokenFor(Role.VIEWER));
        assertThat(routing.body()).isEqualTo(YAML);
        assertThat(get("/api/v1/routing/versions", tokenFor(Role.VIEWER)).body())
                .contains("\"createdBy\":\"file:routing");
    }
}
