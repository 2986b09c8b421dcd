package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Tag("database")
class SecurityIT extends ServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiWithoutTokenIsUnauthorizedProblem() {
        HttpResponse<String> response = get("/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("Bearer");
    }

    @Test
    void unknownTokenIsRejected() {
        HttpResponse<String> response = get("/api/v1/me", "fbk_not-a-real-token");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("unknown, expired or revoked");
    }

    @Test
    void tokenWorksUntilRevoked() {
        String token = tokenFor(Role.RESPONDER);
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
        HttpResponse<String> list = get("/api/v1/me/tokens", token);
        assertThat(list.body()).contains("\"prefix\"").doesNotContain(token);
        long id = jdbc.sql("select id from api_tokens where prefix = ?")
                .param(token.substring(0, 10))
                .query(Long.class)
                .single();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me/tokens/" + id))
                                .DELETE()
                                .header("Authorization", "Bearer " + token))
                        .statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenExpiresWithTheClock() {
        String owner = tokenFor(Role.VIEWER);
        HttpResponse<String> created =
                sendJson("POST", "/api/v1/me/tokens", owner, "{\"name\":\"short\",\"expiresInDays\":1}");
        assertThat(created.statusCode()).isEqualTo(201);
        String shortLived = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        assertThat(get("/api/v1/me", shortLived).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        try {
            assertThat(get("/api/v1/me", shortLived).statusCode()).isEqualTo(401);
            assertThat(get("/api/v1/me", owner).statusCode()).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }

    @Test
    void tokensAreStoredHashed() {
        String token = tokenFor(Role.VIEWER);
        List<String> hashes = jdbc.sql("select token_hash from api_tokens")
                .query(String.class)
                .list();
        assertThat(hashes).isNotEmpty().noneMatch(h -> h.contains(token) || token.contains(h));
        String passwordHash = jdbc.sql("select password_hash from users where username = 'admin'")
                .query(String.class)
                .single();
        assertThat(passwordHash).startsWith("{argon2}");
    }

    @Test
    void malformedJsonIsABadRequestAndCreatesNothing() {
        String token = tokenFor(Role.VIEWER);
        long before = countTokens();
        HttpResponse<String> response = sendJson("POST", "/api/v1/me/tokens", token, "{\"name\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
        assertThat(countTokens()).isEqualTo(before);
    }

    @Test
    void invalidFieldIsNamed() {
        String admin = tokenFor(Role.ADMIN);
        HttpResponse<String> response = sendJson(
                "POST", "/api/v1/users", admin, "{\"username\":\"x\",\"password\":\"short\",\"role\":\"viewer\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"password\"");
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        String token = tokenFor(Role.ADMIN);
        long before = countTokens();
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        HttpResponse<String> response = sendJson("POST", "/api/v1/me/tokens", token, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("limit");
        assertThat(countTokens()).isEqualTo(before);
    }

    @Test
    void unknownApiPathIsANotFoundProblem() {
        HttpResponse<String> response = get("/api/v1/no-such-thing", tokenFor(Role.VIEWER));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void serverErrorsHideTheirDetails() {
        HttpResponse<String> response = get("/api/v1/test-only/boom", tokenFor(Role.VIEWER));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("errorId")
                .doesNotContain("internal detail")
                .doesNotContain("at dev.firebreak")
                .doesNotContain("Exception");
    }

    @Test
    void onlyAdminsManageUsers() {
        String body = "{\"username\":\"u-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}";
        assertThat(sendJson("POST", "/api/v1/users", tokenFor(Role.RESPONDER), body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(sendJson("POST", "/api/v1/users", tokenFor(Role.ADMIN), body).statusCode())
                .isEqualTo(201);
        assertThat(sendJson("POST", "/api/v1/users", tokenFor(Role.ADMIN), body).statusCode())
                .isEqualTo(409);
    }

    /** Alert intake and heartbeat pings authenticate by secret, not user role; their own tests cover them. */
    private static final List<String> INTAKE = List.of(
            "/api/v2/alerts",
            "/api/v1/integrations/{key}/alertmanager",
            "/api/v1/integrations/{key}/generic",
            "/api/v1/heartbeats/{secret}/ping");

    /** Every API endpoint that changes something refuses a viewer (their own tokens aside). */
    @Test
    void viewerCannotChangeAnything() {
        String viewer = tokenFor(Role.VIEWER);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.startsWith("/api/v1/me") || INTAKE.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET
                            || method == RequestMethod.HEAD
                            || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    HttpResponse<String> response = sendJson(method.name(), path, viewer, "{}");
                    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).contains("POST /api/v1/users");
    }

    @Test
    void wrongPasswordDoesNotLogIn() {
        UserAccount user = accounts.create(
                "login-" + UUID.randomUUID().toString().substring(0, 8), "right-password", Role.VIEWER, null, null);
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + user.username() + "&password=wrong-password&_csrf=" + csrf))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void formsWithoutCsrfTokenAreRejected() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-password-for-tests"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void healthAndMetricsArePublic() {
        assertThat(get("/actuator/health/liveness", null).body()).contains("UP");
        assertThat(get("/actuator/health/readiness", null).body()).contains("UP");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    private long countTokens() {
        return jdbc.sql("select count(*) from api_tokens").query(Long.class).single();
    }
}
