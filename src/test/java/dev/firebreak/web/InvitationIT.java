package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin invites by email (GreenMail on loopback); the person sets their own password from the
 * link, once; a wrong confirmation keeps the link, a spent or expired one is refused.
 */
@org.junit.jupiter.api.Tag("database")
@TestPropertySource(
        properties = {"firebreak.notify.base-url=http://firebreak.test", "firebreak.notify.timeouts.email=3s"})
class InvitationIT extends ServerTest {
    static final int SMTP_PORT = freePort();
    static GreenMail mail;
    private static final Pattern LINK = Pattern.compile("http://firebreak\\.test/invite/([A-Za-z0-9_-]{20,})");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        synchronized (InvitationIT.class) {
            if (mail == null) {
                mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
            }
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.from", () -> "Firebreak <firebreak@firebreak.test>");
    }

    @Test
    void anInvitedPersonChoosesTheirOwnPasswordOnce() {
        WebSession admin = admin();
        String name = "inv" + UUID.randomUUID().toString().substring(0, 6);
        String address = name + "@example.test";
        String page = postForm(admin, "/admin/users", "username=" + name + "&password=&role=RESPONDER&email=" + address)
                .body();
        assertThat(page).contains("Invitation for " + name + " sent to " + address, "id=\"invited-" + name + "\"");
        String shown = token(page);

        String body = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address), b -> b != null);
        assertThat(body).contains("invited to Firebreak as " + name + " (responder)");
        assertThat(token(body)).isEqualTo(shown);

        HttpResponse<String> open = anonymous("/invite/" + shown);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("id=\"invited-user\">" + name + "<");

        // A wrong confirmation or a short password is refused and the link still works.
        assertThat(accept(open, shown, "password-one-1", "password-two-2").body())
                .contains("the two passwords do not match");
        assertThat(accept(open, shown, "short", "short").body()).contains("at least 8 characters");
        HttpResponse<String> done = accept(open, shown, "chosen-password-1", "chosen-password-1");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).contains("/login?invited=" + name);
        assertThat(login(name, "chosen-password-1").cookie()).isNotBlank();

        // Spent: the same link again is refused, and nothing changes.
        assertThat(anonymous("/invite/" + shown).statusCode()).isEqualTo(404);
        HttpResponse<String> again = accept(open, shown, "another-password-2", "another-password-2");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("not valid");
        assertThat(login(name, "chosen-password-1").cookie()).isNotBlank();
        assertThat(getPage(admin, "/admin/users").body()).doesNotContain("id=\"invited-" + name + "\"");
    }

    @Test
    void aNewLinkReplacesTheOldOneAndLinksExpire() {
        WebSession admin = admin();
        String name = "inv" + UUID.randomUUID().toString().substring(0, 6);
        String first = token(
                postForm(admin, "/admin/users", "username=" + name + "&role=VIEWER&email=" + name + "@example.test")
                        .body());
        String second =
                token(postForm(admin, "/admin/users/" + name + "/invite", "").body());
        assertThat(second).isNotEqualTo(first);
        assertThat(anonymous("/invite/" + first).statusCode()).isEqualTo(404);
        assertThat(anonymous("/invite/" + second).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(anonymous("/invite/" + second).statusCode()).isEqualTo(404);
        assertThat(anonymous("/invite/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void disablingTheInvitedPersonWithdrawsTheLink() {
        WebSession admin = admin();
        String name = "inv" + UUID.randomUUID().toString().substring(0, 6);
        String link = token(
                postForm(admin, "/admin/users", "username=" + name + "&role=RESPONDER&email=" + name + "@example.test")
                        .body());
        assertThat(postForm(admin, "/admin/users/" + name + "/enabled", "enabled=false")
                        .body())
                .contains("User " + name + " disabled.")
                .doesNotContain("id=\"invited-" + name + "\"");
        assertThat(anonymous("/invite/" + link).statusCode()).isEqualTo(404);
        postForm(admin, "/admin/users/" + name + "/enabled", "enabled=true");
        assertThat(anonymous("/invite/" + link).statusCode()).isEqualTo(404);
    }

    @Test
    void badInvitationsAreRefusedAndCreateNobody() {
        WebSession admin = admin();
        String name = "inv" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(postForm(admin, "/admin/users", "username=" + name + "&role=RESPONDER")
                        .body())
                .contains("an invitation goes by email");
        assertThat(postForm(admin, "/admin/users", "username=" + name + "&role=RESPONDER&email=not-an-address")
                        .body())
                .contains("id=\"users-error\"");
        assertThat(accounts.find(name)).isEmpty();
        accounts.create(name, "password-123456", Role.RESPONDER, null, null);
        assertThat(postForm(admin, "/admin/users/" + name + "/invite", "").body())
                .contains("has no email address");
        WebSession responder = login(name, "password-123456");
        assertThat(send(HttpRequest.newBuilder(uri("/admin/users/" + name + "/invite"))
                                .header("Cookie", responder.cookie())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + responder.csrf())))
                        .statusCode())
                .isEqualTo(403);
    }

    private WebSession admin() {
        String name = "adm" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "password-for-" + name, Role.ADMIN, null, null);
        return login(name, "password-for-" + name);
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("an invitation link in: " + text).isTrue();
        return m.group(1);
    }

    private static String mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).contains(address))
                .map(GreenMailUtil::getBody)
                .map(b -> b.replace("=\r\n", "").replace("=3D", "="))
                .findFirst()
                .orElse(null);
    }

    private static String recipient(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> anonymous(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"));
    }

    /** Posts the invite page's form with the cookie and CSRF token the page gave. */
    private HttpResponse<String> accept(HttpResponse<String> page, String token, String password, String confirm) {
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return send(HttpRequest.newBuilder(uri("/invite/" + token))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "password=" + password + "&confirmPassword=" + confirm + "&_csrf=" + csrf)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
