package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Managing integrations over the API, rate limits, and group commit under concurrency. */
@Tag("database")
class IntegrationApiIT extends IntakeTestSupport {

    @Test
    void adminsCreateListAndDeleteIntegrations() {
        String admin = tokenFor(Role.ADMIN);
        String name = "prom-" + unique();
        HttpResponse<String> created =
                sendJson("POST", "/api/v1/integrations", admin, "{\"name\":\"" + name + "\",\"type\":\"prometheus\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = created.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(key).hasSize(43);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> list = get("/api/v1/integrations", admin);
        assertThat(list.body())
                .contains(name)
                .contains("\"type\":\"prometheus\"")
                .doesNotContain(key);
        assertThat(post(
                                "/api/v2/alerts",
                                "Bearer " + key,
                                "application/json",
                                "[{\"labels\":{\"a\":\"" + name + "\"}}]")
                        .statusCode())
                .isEqualTo(200);

        assertThat(get("/api/v1/integrations", tokenFor(Role.RESPONDER)).statusCode())
                .isEqualTo(403);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/integrations",
                                tokenFor(Role.RESPONDER),
                                "{\"name\":\"x\",\"type\":\"generic\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/integrations",
                                admin,
                                "{\"name\":\"" + name + "\",\"type\":\"prometheus\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(sendJson("POST", "/api/v1/integrations", admin, "{\"name\":\"x\",\"type\":\"nagios\"}")
                        .body())
                .contains("\"field\":\"type\"");
        assertThat(sendJson(
                                "POST",
                                "/api/v1/integrations",
                                admin,
                                "{\"name\":\"g-" + unique() + "\",\"type\":\"generic\"}")
                        .body())
                .contains("needs a mapping");
        assertThat(sendJson(
                                "POST",
                                "/api/v1/integrations",
                                admin,
                                "{\"name\":\"g-" + unique()
                                        + "\",\"type\":\"generic\",\"mapping\":{\"title\":\"no-slash\"}}")
                        .body())
                .contains("not a JSON Pointer");

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/integrations/" + id))
                                .DELETE()
                                .header("Authorization", "Bearer " + admin))
                        .statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v2/alerts", "Bearer " + key, "application/json", "[{\"labels\":{\"a\":\"b\"}}]")
                        .statusCode())
                .isEqualTo(401);
        assertThat(stored(id)).isZero();
    }

    @Test
    void settingsPagesManageIntegrationsForAdminsOnly() {
        WebSession admin = login("admin", "admin-password-for-tests");
        assertThat(getPage(admin, "/settings").body()).contains("href=\"/settings/integrations\"");
        assertThat(getPage(admin, "/settings/integrations").statusCode()).isEqualTo(200);
        String name = "ui-" + unique();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/settings/integrations"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "name=" + name + "&type=events-v2&ratePerSecond=&burst=&mapping=&_csrf=" + admin.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", admin.cookie()));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = getPage(admin, "/settings/integrations").body();
        assertThat(page).contains(name).contains("id=\"new-key-value\"");
        String key = page.replaceAll("(?s).*id=\"new-key-value\">([A-Za-z0-9]+)<.*", "$1");
        assertThat(integrations.authenticate(key))
                .hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(name));
        assertThat(getPage(admin, "/settings/integrations").body()).doesNotContain(key);
        long id = integrations.authenticate(key).orElseThrow().id();
        assertThat(send(HttpRequest.newBuilder(uri("/settings/integrations/" + id + "/delete"))
                                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + admin.csrf()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", admin.cookie()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(integrations.list()).noneMatch(i -> i.name().equals(name));

        String password = "responder-password-" + unique();
        UserAccount responder = accounts.create("resp-" + unique(), password, Role.RESPONDER, null, null);
        assertThat(getPage(login(responder.username(), password), "/settings/integrations")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        Integrations.Created limited =
                integrations.create("limited-" + unique(), IntegrationType.PROMETHEUS, 1, 2, null);
        String auth = "Bearer " + limited.key();
        String body = "[{\"labels\":{\"alertname\":\"Limited\"}}]";
        assertThat(post("/api/v2/alerts", auth, "application/json", body).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v2/alerts", auth, "application/json", body).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = post("/api/v2/alerts", auth, "application/json", body);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("rate limit");
    }

    /** Group commit: every request that got a 2xx is stored, each alert once with all its receipts. */
    @Test
    void concurrentRequestsAreAllCommitted() throws Exception {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String run = unique();
        int threads = 16;
        int perThread = 25;
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // Ten distinct alerts per thread, each sent several times.
                        String name = run + "-" + thread + "-" + (i % 10);
                        HttpResponse<String> response = post(
                                "/api/v2/alerts",
                                "Bearer " + prometheus.key(),
                                "application/json",
                                "[{\"labels\":{\"alertname\":\"" + name + "\"}},{\"labels\":{\"alertname\":\"" + name
                                        + "\",\"copy\":\"2\"}}]");
                        if (response.statusCode() == 200) {
                            acknowledged.add(name);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(acknowledged).hasSize(threads * perThread);
        assertThat(stored(prometheus.integration().id())).isEqualTo(threads * 10 * 2);
        long receipts = jdbc.sql(
                        "select sum(receive_count) from alerts join alert_receipts on alert_id = id where integration_id = ?")
                .param(prometheus.integration().id())
                .query(Long.class)
                .single();
        assertThat(receipts).isEqualTo(threads * perThread * 2);
    }
}
