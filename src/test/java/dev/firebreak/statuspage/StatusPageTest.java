package dev.firebreak.statuspage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server tests of status pages with a real SMTP server (GreenMail on a loopback port); webhook
 * sinks are local too. Each test makes its own page.
 */
@TestPropertySource(
        properties = {
            "firebreak.notify.allowed-networks=127.0.0.0/8",
            "firebreak.notify.base-url=http://firebreak.test",
            "firebreak.notify.timeouts.email=3s",
            "firebreak.status-page.subscribe-limit=6"
        })
abstract class StatusPageTest extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SMTP_PORT = freePort();
    static GreenMail mail;

    String slug;
    String admin;
    String responder;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        synchronized (StatusPageTest.class) {
            if (mail == null) {
                mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
            }
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.from", () -> "Status <status@firebreak.test>");
    }

    @BeforeEach
    void page() {
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        slug = "page-" + UUID.randomUUID().toString().substring(0, 8);
        admin = tokenFor(Role.ADMIN);
        responder = tokenFor(Role.RESPONDER);
        HttpResponse<String> created = sendJson("POST", "/api/v1/status-pages", admin, """
                {"slug":"%s","name":"Acme Payments","timeZone":"Etc/UTC","components":[
                  {"name":"API","description":"The public REST API"},
                  {"name":"Dashboard","group":"Web"},
                  {"name":"Checkout","group":"Web"}]}
                """.formatted(slug));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    JsonNode publicJson(String file) {
        HttpResponse<String> response = get("/status/" + slug + "/api/v2/" + file, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(file + ": " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** Opens a public incident and returns its public id. */
    String open(String name, String impact, String components) {
        HttpResponse<String> response =
                sendJson("POST", "/api/v1/status-pages/" + slug + "/incidents", responder, """
                {"name":"%s","impact":"%s","body":"We are investigating.","components":[%s]}
                """.formatted(
                                name, impact, components));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json(response).get("publicId").asString();
    }

    HttpResponse<String> update(String id, String json) {
        return sendJson("POST", "/api/v1/status-pages/" + slug + "/incidents/" + id + "/updates", responder, json);
    }

    HttpResponse<String> form(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients() != null
                                && Arrays.stream(m.getAllRecipients())
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
