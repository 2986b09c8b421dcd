package dev.firebreak.support;

import dev.firebreak.platform.security.ApiTokens;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole server on a random loopback port and talk to it over real HTTP.
 * Tag subclasses {@code @Tag("database")} to run them on PostgreSQL as well as H2.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firebreak.security.admin-password=admin-password-for-tests", "firebreak.data-dir=target/it-data"
        })
@Import(TestClockConfiguration.class)
public abstract class ServerTest {
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserAccounts accounts;

    @Autowired
    protected ApiTokens tokens;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private org.springframework.context.ApplicationEventPublisher groupEvents;

    @Autowired
    private org.springframework.transaction.support.TransactionTemplate groupTransactions;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient groupJdbc;

    /** Publishes alert-group events as the routing side does, and waits for the incidents. */
    protected dev.firebreak.incident.AlertGroups alertGroups() {
        return new dev.firebreak.incident.AlertGroups(groupEvents, groupTransactions, groupJdbc);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Runs before Spring loads the context, so a missing PostgreSQL skips (or fails) cleanly. */
    @BeforeAll
    static void requireDatabase() {
        if (TestDatabase.postgres()) {
            TestDatabase.postgresUrl();
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A new user with the role and a fresh API token for it. */
    protected String tokenFor(Role role) {
        UserAccount user = accounts.create(
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8),
                "password-" + UUID.randomUUID(),
                role,
                null,
                null);
        return tokens.create(user.id(), "test", null).secret();
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A logged-in browser session without a browser: the session cookie and a CSRF token. */
    public record WebSession(String cookie, String csrf) {}

    protected WebSession login(String username, String password) {
        return login(path -> HttpRequest.newBuilder(uri(path)), this::send, username, password);
    }

    /**
     * A form login as a browser does it, on any server: the login page's cookie and CSRF token,
     * the POST, then the session's CSRF token from the account page.
     */
    public static WebSession login(
            java.util.function.Function<String, HttpRequest.Builder> request,
            java.util.function.Function<HttpRequest.Builder, HttpResponse<String>> send,
            String username,
            String password) {
        HttpResponse<String> page = send.apply(request.apply("/login").GET());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = send.apply(request.apply("/login")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=" + password + "&_csrf=" + csrf))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie));
        String session = login.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";")[0])
                .orElse(cookie);
        HttpResponse<String> home = send.apply(request.apply("/account").header("Cookie", session));
        if (home.statusCode() != 200) {
            throw new IllegalStateException("login failed for " + username + ": " + home.statusCode());
        }
        String token = home.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return new WebSession(session, token);
    }

    protected HttpResponse<String> getPage(WebSession session, String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", session.cookie())
                .header("Accept", "text/html"));
    }

    /** Posts a form as the session and, as a browser does, follows the redirect (which takes the flash message). */
    protected HttpResponse<String> postForm(WebSession session, String path, String form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + session.csrf())));
        if (response.statusCode() != 302) {
            return response;
        }
        return getPage(
                session,
                java.net
                        .URI
                        .create(response.headers().firstValue("Location").orElseThrow())
                        .getPath());
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> sendJson(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }
}
