package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.alert.internal.store.ResolveSweeper;
import dev.firebreak.platform.security.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Prometheus sending to {@code /api/v2/alerts} as it would to Alertmanager. */
@Tag("database")
class PrometheusIntakeIT extends IntakeTestSupport {
    @Autowired
    ResolveSweeper sweeper;

    private HttpResponse<String> fire(String key, String json) {
        return post("/api/v2/alerts", "Bearer " + key, "application/json", json);
    }

    private static String alert(String name, String extra) {
        return "[{\"labels\":{\"alertname\":\"" + name + "\",\"job\":\"api\"},\"annotations\":{\"summary\":\"slow\"},"
                + "\"generatorURL\":\"http://prometheus:9090/graph\"" + extra + "}]";
    }

    private String fingerprint(String name) {
        return Fingerprints.hex(Map.of("alertname", name, "job", "api"));
    }

    @Test
    void repeatsRefreshTheSameAlert() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String name = "HighLatency" + unique();
        HttpResponse<String> first = fire(prometheus.key(), alert(name, ""));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        String basic =
                Base64.getEncoder().encodeToString(("prometheus:" + prometheus.key()).getBytes(StandardCharsets.UTF_8));
        assertThat(post("/api/v2/alerts", "Basic " + basic, "application/json", alert(name, ""))
                        .statusCode())
                .isEqualTo(200);
        Alert stored = alerts.findByFingerprint(fingerprint(name)).orElseThrow();
        assertThat(stored.receiveCount()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(stored.labels()).containsEntry("alertname", name).containsEntry("job", "api");
        assertThat(stored.annotations()).containsEntry("summary", "slow");
        assertThat(stored.generatorUrl()).isEqualTo("http://prometheus:9090/graph");
        assertThat(stored(prometheus.integration().id())).isEqualTo(1);

        HttpResponse<String> current = get("/api/v2/alerts", prometheus.key());
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body())
                .contains("\"fingerprint\":\"" + fingerprint(name) + "\"")
                .contains("\"state\":\"active\"");
        String filter = java.net.URLEncoder.encode("alertname=\"" + name + "\"", StandardCharsets.UTF_8);
        assertThat(get("/api/v2/alerts?filter=" + filter, prometheus.key()).body())
                .contains(name);
        String other = java.net.URLEncoder.encode("alertname=\"other\"", StandardCharsets.UTF_8);
        assertThat(get("/api/v2/alerts?filter=" + other, prometheus.key()).body())
                .isEqualTo("[]");
        assertThat(get("/api/v2/alerts?filter=%7Bbroken", prometheus.key()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void endsAtInThePastResolvesAndANewFiringStartsANewPeriod() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String name = "DiskFull" + unique();
        assertThat(fire(prometheus.key(), alert(name, "")).statusCode()).isEqualTo(200);
        long firstId = alerts.findByFingerprint(fingerprint(name)).orElseThrow().id();
        String past = clock.instant().minusSeconds(10).toString();
        assertThat(fire(prometheus.key(), alert(name, ",\"endsAt\":\"" + past + "\""))
                        .statusCode())
                .isEqualTo(200);
        assertThat(alerts.find(firstId).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        // Prometheus resends resolved alerts for a while: no new alert from those.
        assertThat(fire(prometheus.key(), alert(name, ",\"endsAt\":\"" + past + "\""))
                        .statusCode())
                .isEqualTo(200);
        assertThat(stored(prometheus.integration().id())).isEqualTo(1);
        assertThat(fire(prometheus.key(), alert(name, "")).statusCode()).isEqualTo(200);
        Alert again = alerts.findByFingerprint(fingerprint(name)).orElseThrow();
        assertThat(again.id()).isNotEqualTo(firstId);
        assertThat(again.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(again.fingerprint()).isEqualTo(fingerprint(name));
    }

    @Test
    void resolvesWhenNotRefreshedWithinTheResolveTimeout() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String name = "NoEndsAt" + unique();
        assertThat(fire(prometheus.key(), alert(name, "")).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(4));
        try {
            sweeper.resolveTimedOut();
            assertThat(alerts.findByFingerprint(fingerprint(name)).orElseThrow().status())
                    .isEqualTo(AlertStatus.FIRING);
            clock.advance(Duration.ofMinutes(2));
            sweeper.resolveTimedOut();
            assertThat(alerts.findByFingerprint(fingerprint(name)).orElseThrow().status())
                    .isEqualTo(AlertStatus.RESOLVED);
        } finally {
            clock.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void resolvesAtItsEndsAtUnlessRefreshed() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String name = "EndsAt" + unique();
        Instant start = clock.instant();
        String endsAt = ",\"endsAt\":\"" + start.plus(Duration.ofMinutes(2)) + "\"";
        assertThat(fire(prometheus.key(), alert(name, endsAt)).statusCode()).isEqualTo(200);
        try {
            clock.advance(Duration.ofMinutes(1));
            // The refresh moves endsAt, as Prometheus does on every resend.
            assertThat(fire(prometheus.key(), alert(name, ",\"endsAt\":\"" + start.plus(Duration.ofMinutes(4)) + "\""))
                            .statusCode())
                    .isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            sweeper.resolveTimedOut();
            assertThat(alerts.findByFingerprint(fingerprint(name)).orElseThrow().status())
                    .isEqualTo(AlertStatus.FIRING);
            clock.advance(Duration.ofMinutes(2));
            assertThat(sweeper.resolveTimedOut()).isPositive();
            Alert resolved = alerts.findByFingerprint(fingerprint(name)).orElseThrow();
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.receiveCount()).isEqualTo(2);
        } finally {
            clock.set(start);
        }
    }

    @Test
    void wrongMissingOrForeignKeysAreRefusedAndStoreNothing() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        Integrations.Created webhook = integration(IntegrationType.ALERTMANAGER);
        String body = alert("Nope" + unique(), "");
        for (String auth : new String[] {null, "Bearer wrong-key", "Bearer " + webhook.key(), "Basic !!!"}) {
            HttpResponse<String> response = post("/api/v2/alerts", auth, "application/json", body);
            assertThat(response.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(get("/api/v2/alerts", "wrong").statusCode()).isEqualTo(401);
        integrations.setEnabled(prometheus.integration().id(), false);
        assertThat(fire(prometheus.key(), body).statusCode()).isEqualTo(401);
        assertThat(stored(prometheus.integration().id())).isZero();
        assertThat(stored(webhook.integration().id())).isZero();
    }

    @Test
    void badBodiesAreClearProblemsAndStoreNothing() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String auth = "Bearer " + prometheus.key();
        Map<String, String> bad = Map.of(
                "[{\"labels\":",
                "not valid JSON",
                "{\"labels\":{\"a\":\"b\"}}",
                "JSON list",
                "[{\"labels\":{}}]",
                "at least one label",
                "[{\"labels\":{\"a\":1}}]",
                "alerts[0].labels.a must be a string",
                "[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"yesterday\"}]",
                "RFC 3339",
                "[{\"labels\":{\"a\":\"" + "x".repeat(5000) + "\"}}]",
                "max-label-value-length",
                "[{\"labels\":" + manyLabels(65) + "}]",
                "max-labels",
                "",
                "empty");
        bad.forEach((body, reason) -> {
            HttpResponse<String> response = post("/api/v2/alerts", auth, "application/json", body);
            assertThat(response.statusCode())
                    .as(body.length() > 60 ? body.substring(0, 60) : body)
                    .isEqualTo(400);
            assertThat(response.body()).contains(reason);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        HttpResponse<String> text = post("/api/v2/alerts", auth, "text/plain", alert("Text" + unique(), ""));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String huge = "[{\"labels\":{\"a\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}}]";
        assertThat(post("/api/v2/alerts", auth, "application/json", huge).statusCode())
                .isEqualTo(413);
        assertThat(stored(prometheus.integration().id())).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        byte[] huge =
                ("[{\"labels\":{\"a\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}}]").getBytes(StandardCharsets.UTF_8);
        // No Content-Length: the limit applies while the endpoint reads the stream.
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + prometheus.key())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit");
        assertThat(stored(prometheus.integration().id())).isZero();
    }

    /** A search over every status lists firing alerts before resolved ones, however new those are. */
    @Test
    void searchesOverEveryStatusFindFiringAndResolvedAlerts() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String tag = unique();
        String firing = "StillFiring" + tag;
        String resolved = "AlreadyResolved" + tag;
        assertThat(fire(prometheus.key(), alert(firing, "")).statusCode()).isEqualTo(200);
        assertThat(fire(prometheus.key(), alert(resolved, "")).statusCode()).isEqualTo(200);
        String past = ",\"endsAt\":\"" + clock.instant().minusSeconds(60) + "\"";
        assertThat(fire(prometheus.key(), alert(resolved, past)).statusCode()).isEqualTo(200);
        String body = get("/api/v1/alerts?q=" + tag + "&limit=10", tokenFor(Role.VIEWER))
                .body();
        assertThat(body).contains(firing).contains(resolved);
    }

    /** Answered ahead of Spring Security, the endpoint still sends its headers and matches as MVC did. */
    @Test
    void answersCarryTheSecurityHeadersAndTheServletPathMatches() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        for (HttpResponse<String> response : List.of(
                fire(prometheus.key(), alert("Headers" + unique(), "")), fire("wrong-key", alert("Headers", "")))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                    .contains("no-store");
        }
        HttpResponse<String> text =
                post("/api/v2/alerts", "Bearer " + prometheus.key(), "text/plain", alert("Text" + unique(), ""));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Accept").orElse("")).contains("application/json");
        assertThat(post(
                                "/api/v2/alerts;jsessionid=abc",
                                "Bearer " + prometheus.key(),
                                "application/json",
                                alert("PathParameter" + unique(), ""))
                        .statusCode())
                .isEqualTo(200);
    }

    /** Lists show the newest alerts first; a refresh (every minute from Prometheus) does not reorder them. */
    @Test
    void listsShowNewestAlertsFirstWhateverWasRefreshed() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String older = "Older" + unique();
        String newer = "Newer" + unique();
        assertThat(fire(prometheus.key(), alert(older, "")).statusCode()).isEqualTo(200);
        assertThat(fire(prometheus.key(), alert(newer, "")).statusCode()).isEqualTo(200);
        assertThat(fire(prometheus.key(), alert(older, "")).statusCode()).isEqualTo(200);
        String body = get("/api/v1/alerts?status=firing&limit=1000", tokenFor(Role.VIEWER))
                .body();
        assertThat(body.indexOf(newer)).isPositive().isLessThan(body.indexOf(older));
    }

    /** The endpoint is answered before Spring MVC; its requests must still show in the metrics. */
    @Test
    void intakeRequestsAreMeasuredUnderTheirPath() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        assertThat(fire(prometheus.key(), alert("Measured" + unique(), "")).statusCode())
                .isEqualTo(200);
        assertThat(fire("wrong-key", alert("Measured" + unique(), "")).statusCode())
                .isEqualTo(401);
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")))
                .anyMatch(l -> l.contains("uri=\"/api/v2/alerts\"")
                        && l.contains("status=\"200\"")
                        && l.contains("outcome=\"SUCCESS\"")
                        && l.contains("error=\"none\""))
                .anyMatch(l -> l.contains("uri=\"/api/v2/alerts\"")
                        && l.contains("status=\"401\"")
                        && l.contains("outcome=\"CLIENT_ERROR\""));
    }

    private static String manyLabels(int count) {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        return labels.append("}").toString();
    }
}
