package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * A writer held inside a commit: waiting requests are answered 503 with Retry-After after
 * firebreak.alerts.writer-timeout, on the filter-answered Prometheus path and on a controller.
 */
@TestPropertySource(properties = "firebreak.alerts.writer-timeout=500ms")
class WriterTimeoutIT extends IntakeTestSupport {
    static final CountDownLatch INSIDE = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /**
     * A plain listener runs on the writer thread inside its transaction, so blocking here holds
     * the writer exactly as a stuck database would.
     */
    @TestConfiguration
    static class Hold {
        @Bean
        Holder holder() {
            return new Holder();
        }
    }

    static class Holder {
        @EventListener
        void received(AlertReceived event) throws InterruptedException {
            if ("hold".equals(event.alert().labels().get("test"))) {
                INSIDE.countDown();
                RELEASE.await(20, TimeUnit.SECONDS);
            }
        }
    }

    private HttpRequest prometheus(String key, String alertname, String test) {
        return HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"test\":\"" + test + "\"}}]"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static void assertRefused(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503").contains(detail);
    }

    @Test
    void requestsWaitingForAHeldWriterAreAnswered503WithRetryAfter() throws Exception {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String held = "Held-" + unique();
        String queued = "Queued-" + unique();
        try {
            CompletableFuture<HttpResponse<String>> first =
                    HTTP.sendAsync(prometheus(prometheus.key(), held, "hold"), HttpResponse.BodyHandlers.ofString());
            assertThat(INSIDE.await(20, TimeUnit.SECONDS)).isTrue();

            assertRefused(
                    send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "[{\"labels\":{\"alertname\":\"" + queued + "\"}}]"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + prometheus.key())),
                    "nothing was stored");
            assertRefused(
                    postJson(
                            "/v2/enqueue",
                            "{\"routing_key\":\"" + pd.key() + "\",\"event_action\":\"trigger\",\"payload\":"
                                    + "{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"info\"}}"),
                    "nothing was stored");
            // The held request was already being written: it may commit, and the answer says so.
            assertRefused(first.get(20, TimeUnit.SECONDS), "may be stored");
        } finally {
            RELEASE.countDown();
        }
        HttpResponse<String> after = post(
                "/api/v2/alerts",
                "Bearer " + prometheus.key(),
                "application/json",
                "[{\"labels\":{\"alertname\":\"After-" + unique() + "\"}}]");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(alerts.list(AlertFilter.firing()).stream()
                        .map(a -> a.labels().get("alertname"))
                        .toList())
                .contains(held)
                .doesNotContain(queued);
        assertThat(stored(pd.integration().id())).isZero();
    }
}
