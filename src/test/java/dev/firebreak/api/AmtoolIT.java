package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real amtool (Debian's prometheus-alertmanager) against Firebreak's Alertmanager API v2. */
@Tag("database")
// A context of its own, so its clock starts at the real time: amtool stamps silences with the real
// clock, and the shared context's clock may stand hours ahead after other tests moved it.
@org.springframework.test.context.TestPropertySource(properties = "firebreak.test.context=amtool")
@org.springframework.test.annotation.DirtiesContext
class AmtoolIT extends ServerTest {
    @Autowired
    Integrations integrations;

    private Path config;

    record Run(int exit, String out) {}

    @BeforeEach
    void amtool() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/amtool"))) {
            TestDatabase.Services.missing("amtool (Debian package prometheus-alertmanager)");
        }
        // amtool stamps silences with the real time; the test clock stands where it was last set,
        // and a silence starting after it would be pending, not active: catch up after each.
        catchUp();
        config = Files.createTempFile("amtool-http", ".yml");
        Files.writeString(config, "authorization:\n  credentials: " + tokenFor(Role.RESPONDER) + "\n");
    }

    private void catchUp() {
        java.time.Instant real = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (clock.instant().isBefore(real)) {
            clock.set(real);
        }
    }

    private Run amtool(Path http, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/amtool", "--alertmanager.url=http://127.0.0.1:" + port, "--http.config.file=" + http));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void alertsSilencesAndStatus() throws Exception {
        String name = "Amtool" + UUID.randomUUID().toString().substring(0, 8);
        String key = integrations
                .create("prometheus-" + name, IntegrationType.PROMETHEUS, 10_000, 10_000, null)
                .key();
        var posted = send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "[{\"labels\":{\"alertname\":\"" + name + "\",\"job\":\"api\"}}]")));
        assertThat(posted.statusCode()).isEqualTo(200);

        Run alerts = amtool(config, "alert", "query", "-o", "json", "alertname=" + name);
        assertThat(alerts.exit()).as(alerts.out()).isZero();
        assertThat(alerts.out()).contains(name).contains("\"state\":\"active\"").doesNotContain("0001-01-01");

        Run added = amtool(config, "silence", "add", "-c", "maintenance", "-d", "1h", "alertname=" + name);
        assertThat(added.exit()).as(added.out()).isZero();
        // amtool warns first that its version and the server's differ; the id is the last line.
        String[] lines = added.out().strip().split("\n");
        String id = lines[lines.length - 1].strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        catchUp();

        // -s: amtool leaves silenced alerts out unless asked (silenced=false on the API).
        Run silenced = amtool(config, "alert", "query", "-s", "-o", "json", "alertname=" + name);
        assertThat(silenced.out())
                .as(amtool(config, "silence", "query", "-o", "json").out() + " clock " + clock.instant())
                .contains("\"state\":\"suppressed\"")
                .contains(id);
        assertThat(amtool(config, "alert", "query", "alertname=" + name).out()).doesNotContain(name);

        Run query = amtool(config, "silence", "query", "-q", "alertname=" + name);
        assertThat(query.exit()).as(query.out()).isZero();
        assertThat(query.out()).contains(id);

        Run expired = amtool(config, "silence", "expire", id);
        assertThat(expired.exit()).as(expired.out()).isZero();
        assertThat(amtool(config, "silence", "query", "-q", "alertname=" + name).out())
                .doesNotContain(id);
        assertThat(amtool(config, "silence", "query", "-q", "--expired", "alertname=" + name)
                        .out())
                .contains(id);

        // amtool alert add posts with the user's token: the alert comes from the tools' integration.
        String added2 = name + "Added";
        Run add = amtool(
                config, "alert", "add", "alertname=" + added2, "severity=warning", "--annotation=summary=by hand");
        assertThat(add.exit()).as(add.out()).isZero();
        Run byHand = amtool(config, "alert", "query", "-o", "json", "alertname=" + added2);
        assertThat(byHand.out()).contains(added2).contains("by hand");

        Run show = amtool(config, "config", "show");
        assertThat(show.exit()).as(show.out()).isZero();
        assertThat(show.out()).contains("route:").contains("receivers:");
        Run routes = amtool(config, "config", "routes");
        assertThat(routes.exit()).as(routes.out()).isZero();
        Run cluster = amtool(config, "cluster", "show");
        assertThat(cluster.exit()).as(cluster.out()).isZero();
        assertThat(cluster.out()).contains("ready");
    }

    @Test
    void aViewerReadsButCannotSilenceAndABadTokenIsReadable() throws Exception {
        Path viewer = Files.createTempFile("amtool-viewer", ".yml");
        Files.writeString(viewer, "authorization:\n  credentials: " + tokenFor(Role.VIEWER) + "\n");
        assertThat(amtool(viewer, "silence", "query").exit()).isZero();
        Run refused = amtool(viewer, "silence", "add", "-c", "no", "-d", "1h", "alertname=x");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).doesNotContain("no consumer");

        Run viewerAdd = amtool(viewer, "alert", "add", "alertname=ViewerMayNot");
        assertThat(viewerAdd.exit()).isNotZero();

        Path bad = Files.createTempFile("amtool-bad", ".yml");
        Files.writeString(bad, "authorization:\n  credentials: fbk_wrong\n");
        Run unauthorized = amtool(bad, "alert", "query");
        assertThat(unauthorized.exit()).isNotZero();
        assertThat(unauthorized.out()).doesNotContain("no consumer").doesNotContain("problem+json");

        var healthy = send(HttpRequest.newBuilder(uri("/-/healthy")));
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/-/ready"))).statusCode()).isEqualTo(200);
        var error = get("/api/v2/silence/nope", tokenFor(Role.VIEWER));
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(error.body()).startsWith("\"");
    }
}
