package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing passwords: each account and each client address gets a few free failures, then waits
 * twice as long after each; audited. Clients stand behind a proxy on loopback (X-Forwarded-For),
 * which also keeps the test's addresses apart from every other test's 127.0.0.1.
 */
@Tag("database")
class LoginThrottleIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String address = "203.0.113." + (10 + Math.abs(suffix.hashCode() % 200));

    record Attempt(int status, String location, String retryAfter, String cookie) {}

    private Attempt attempt(String from, String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=" + password + "&_csrf=" + csrf))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .header("Cookie", cookie));
        return new Attempt(
                login.statusCode(),
                login.headers().firstValue("Location").orElse(""),
                login.headers().firstValue("Retry-After").orElse(null),
                login.headers().firstValue("Set-Cookie").orElse(""));
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from login_throttle where throttle_key like ? or throttle_key like '%203.0.113.%'"
                        + " or throttle_key like '%198.51.100.%'")
                .param("%" + suffix + "%")
                .update();
    }

    @Test
    void anAccountWaitsLongerAfterEachFailureAndARightPasswordDoesNotSkipTheWait() {
        String name = "guess-" + suffix;
        accounts.create(name, "right-password-1", Role.VIEWER, null, null);
        for (int i = 0; i < 5; i++) {
            Attempt wrong = attempt(address, name, "wrong-" + i);
            assertThat(wrong.location()).as("attempt " + i).endsWith("/login?error");
        }
        Attempt sixth = attempt(address, name, "wrong-6");
        assertThat(sixth.location()).endsWith("/login?throttled=1");
        assertThat(sixth.retryAfter()).isEqualTo("1");
        // The right password while waiting is refused unchecked from that address; the owner,
        // elsewhere, is not locked out by a stranger's guesses.
        Attempt right = attempt(address, name, "right-password-1");
        assertThat(right.location()).contains("/login?throttled=");
        assertThat(attempt("198.51.100.7", name, "right-password-1").location()).doesNotContain("/login");
        assertThat(send(HttpRequest.newBuilder(uri("/login?throttled=1"))).body())
                .contains("Too many failed logins")
                .contains("try again in <span>1</span> seconds");
        assertThat(send(HttpRequest.newBuilder(uri("/login?throttled=%3Cb%3E"))).body())
                .doesNotContain("Too many failed logins");

        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt(address, name, "wrong-7").retryAfter()).isEqualTo("2");
        clock.advance(Duration.ofSeconds(3));
        assertThat(attempt(address, name, "wrong-8").retryAfter()).isEqualTo("4");
        clock.advance(Duration.ofSeconds(5));
        Attempt ok = attempt(address, name, "right-password-1");
        assertThat(ok.location()).doesNotContain("/login");
        // A success clears the account's count.
        assertThat(attempt(address, name, "wrong-9").location()).endsWith("/login?error");

        String admin = tokenFor(Role.ADMIN);
        JsonNode events = JSON.readTree(
                get("/api/v1/admin/security-events?limit=50", admin).body());
        StringBuilder kinds = new StringBuilder();
        for (JsonNode e : events.get("items")) {
            if (name.equals(e.get("username").asString(""))) {
                kinds.append(e.get("kind").asString()).append(' ');
                if (e.get("kind").asString().equals("LOGIN_FAILED")) {
                    assertThat(e.get("address").asString()).isEqualTo(address);
                }
            }
        }
        assertThat(kinds.toString().strip().split(" "))
                .startsWith("LOGIN_FAILED", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_FAILED")
                .contains("LOGIN_THROTTLED");
        JsonNode first = JSON.readTree(
                get("/api/v1/admin/security-events?limit=2", admin).body());
        assertThat(first.get("items").size()).isEqualTo(2);
        String next = first.get("next").asString();
        JsonNode older = JSON.readTree(get(next, admin).body());
        assertThat(older.get("items").get(0).get("id").asLong())
                .isLessThan(first.get("items").get(1).get("id").asLong());
        assertThat(get("/api/v1/admin/security-events", tokenFor(Role.RESPONDER))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/admin/security-events?limit=0", admin).statusCode())
                .isEqualTo(400);
    }

    @Test
    void guessesAtOneAccountFromManyAddressesMakeTheAccountWait() {
        String name = "spread-" + suffix;
        accounts.create(name, "right-password-3", Role.VIEWER, null, null);
        for (int i = 0; i < 50; i++) {
            assertThat(attempt("198.51.100." + (10 + i / 5), name, "wrong").location())
                    .as("attempt " + i)
                    .endsWith("/login?error");
        }
        assertThat(attempt("198.51.100.30", name, "wrong").location()).endsWith("/login?throttled=1");
        assertThat(attempt("198.51.100.31", name, "right-password-3").location())
                .contains("/login?throttled=");
        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt("198.51.100.31", name, "right-password-3").location())
                .doesNotContain("/login");
        // A name typed with trailing control characters is the same account to the throttle.
        String padded = name + "%01%02";
        for (int i = 0; i < 5; i++) {
            attempt(address, name, "wrong");
        }
        assertThat(attempt(address, padded, "wrong").location()).endsWith("/login?throttled=1");
    }

    @Test
    void peopleBehindOneAddressWhoLogInDoNotLockIt() {
        String name = "office-" + suffix;
        accounts.create(name, "right-password-4", Role.VIEWER, null, null);
        // More right logins than the address's free attempts, then a few wrong ones: still free.
        for (int i = 0; i < 25; i++) {
            assertThat(attempt(address, name, "right-password-4").location())
                    .as("login " + i)
                    .doesNotContain("/login");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(address, "typo-" + suffix + i, "x").location()).endsWith("/login?error");
        }
    }

    @Test
    void oneAddressTryingManyAccountsWaitsWhileOthersLogIn() {
        String other = "other-" + suffix;
        accounts.create(other, "right-password-2", Role.VIEWER, null, null);
        for (int i = 0; i < 20; i++) {
            assertThat(attempt(address, "nobody-" + suffix + "-" + i, "x").location())
                    .as("attempt " + i)
                    .endsWith("/login?error");
        }
        assertThat(attempt(address, "nobody-" + suffix + "-20", "x").location()).endsWith("/login?throttled=1");
        assertThat(attempt(address, other, "right-password-2").location()).contains("throttled");
        assertThat(attempt("198.51.100.8", other, "right-password-2").location())
                .doesNotContain("/login");
    }

    @Test
    void behindATlsProxyRedirectsKeepHttpsAndTheSessionCookieIsSecure() {
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(uri("/incidents"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "firebreak.example")
                .header("X-Forwarded-For", address));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).startsWith("https://firebreak.example/login");
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", address));
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        // Without the proxy's word the same server speaks plain http and sets no Secure.
        HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(plain.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("Secure");
        assertThat(get("/api/v1/me", tokenFor(Role.VIEWER)).headers().firstValue("Referrer-Policy"))
                .hasValue("no-referrer");
    }
}
