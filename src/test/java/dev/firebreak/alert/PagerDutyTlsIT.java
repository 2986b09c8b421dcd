package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.TestDatabase;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTPS with Spring Boot's own settings (a PEM SSL bundle that reloads when its files change) and
 * PagerDuty's official Node client, which only speaks https, pointed at it with only the host
 * changed: trigger, acknowledge, resolve and a change event.
 */
// H2 only (no @Tag("database")): TLS does not touch the database, and on the shared PostgreSQL
// database older test contexts are nodes with clocks of their own, one of which holds the flush lease.
@org.springframework.test.annotation.DirtiesContext
class PagerDutyTlsIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TLS =
            Path.of("target", "tls-it-" + UUID.randomUUID().toString().substring(0, 8));
    private static final Path CLIENT = Path.of("target", "pdjs");

    @Autowired
    Integrations integrations;

    @Autowired
    Incidents incidents;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            TestDatabase.Services.missing("openssl (to make the test's certificate)");
        }
        Files.createDirectories(TLS);
        certificate("firebreak-test-1");
        registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> "file:" + TLS.resolve("cert.pem"));
        registry.add("spring.ssl.bundle.pem.server.keystore.private-key", () -> "file:" + TLS.resolve("key.pem"));
        registry.add("spring.ssl.bundle.pem.server.reload-on-update", () -> "true");
        registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "1s");
        registry.add("server.ssl.bundle", () -> "server");
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, written over the previous one. */
    private static void certificate(String commonName) throws IOException, InterruptedException {
        Path key = TLS.resolve("key.tmp");
        Path cert = TLS.resolve("cert.tmp");
        Process openssl = new ProcessBuilder(
                        "/usr/bin/openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=" + commonName,
                        "-addext",
                        "subjectAltName=IP:127.0.0.1,DNS:localhost",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + out);
        }
        Files.move(key, TLS.resolve("key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(cert, TLS.resolve("cert.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The installed official client, or a skip (a failure in CI) when node or npm cannot get it. */
    private static void installClient() throws Exception {
        if (Files.isDirectory(CLIENT.resolve("node_modules/@pagerduty/pdjs"))) {
            return;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/node")) || !Files.isExecutable(Path.of("/usr/bin/npm"))) {
            TestDatabase.Services.missing("node and npm (for PagerDuty's official client @pagerduty/pdjs)");
        }
        Files.createDirectories(CLIENT);
        Process npm = new ProcessBuilder(
                        "/usr/bin/npm",
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--no-save",
                        "--prefix",
                        CLIENT.toString(),
                        "@pagerduty/pdjs@2.2.4")
                .redirectErrorStream(true)
                .start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            TestDatabase.Services.missing("npm install @pagerduty/pdjs (" + out.strip() + ")");
        }
    }

    private JsonNode pd(String key, String dedup, String action) throws Exception {
        Path script = CLIENT.resolve("pd.cjs");
        Files.copy(
                Path.of("src/test/resources/pdjs/pd.cjs"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/node", script.toString(), "127.0.0.1:" + port, key, dedup, action)
                .redirectErrorStream(true);
        // Node trusts the test's self-signed certificate the documented way, nothing disabled.
        builder.environment()
                .put(
                        "NODE_EXTRA_CA_CERTS",
                        TLS.resolve("cert.pem").toAbsolutePath().toString());
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    private Incident one(String summary) {
        List<Incident> found = incidents.list(new IncidentQuery(null, null, summary, 10));
        return found.size() == 1 ? found.get(0) : null;
    }

    @Test
    void theOfficialNodeClientWorksWithOnlyTheHostChanged() throws Exception {
        installClient();
        String key = integrations
                .create(
                        "pdjs-" + UUID.randomUUID().toString().substring(0, 8),
                        IntegrationType.EVENTS_V2,
                        1000,
                        1000,
                        null)
                .key();
        String dedup = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        String summary = "TLS check " + dedup;

        JsonNode trigger = pd(key, dedup, "trigger");
        assertThat(trigger.get("status").asInt()).as(trigger.toString()).isEqualTo(202);
        assertThat(trigger.get("data").get("dedup_key").asString()).isEqualTo(dedup);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> one(summary) != null);

        assertThat(pd(key, dedup, "acknowledge").get("status").asInt()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> one(summary).state() == IncidentState.ACKNOWLEDGED);
        assertThat(pd(key, dedup, "resolve").get("status").asInt()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> one(summary).state() == IncidentState.RESOLVED);

        JsonNode change = pd(key, dedup, "change");
        assertThat(change.get("status").asInt()).as(change.toString()).isEqualTo(202);
        assertThat(change.get("data").get("message").asString()).isEqualTo("Change event processed");
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        BigInteger before = servedSerial();
        certificate("firebreak-test-2");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !servedSerial().equals(before));
        assertThat(served().getSubjectX500Principal().getName()).contains("firebreak-test-2");
    }

    private BigInteger servedSerial() throws Exception {
        return served().getSerialNumber();
    }

    /** The certificate the server presents, read without trusting it (only looked at). */
    private X509Certificate served() throws Exception {
        TrustManager[] look = {
            new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, look, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
