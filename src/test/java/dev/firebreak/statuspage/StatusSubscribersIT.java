package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subscribers through notify's ledger: double opt-in, updates with the one-click unsubscribe link
 * (and RFC 8058 headers), nothing after unsubscribing; webhooks signed with Standard Webhooks.
 */
@Tag("database")
class StatusSubscribersIT extends StatusPageTest {
    private static final Pattern LINK = Pattern.compile("http://firebreak\\.test(/status/[^\\s\"<>]+)");

    @Test
    void emailSubscriberConfirmsGetsUpdatesAndUnsubscribesWithOneClick() throws Exception {
        String address = "sub-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        HttpResponse<String> subscribed = form("/status/" + slug + "/subscribe", "email=" + address);
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(subscribed.body()).contains("confirmation link");

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() == 1);
        MimeMessage confirmation = mailTo(address).getFirst();
        String text = text(confirmation);
        assertThat(confirmation.getSubject()).contains("Confirm your subscription to Acme Payments");
        String confirm = link(text, "/confirm?token=");
        assertThat(link(text, "/unsubscribe?token=")).isNotNull();

        // Not confirmed yet: an update reaches nobody.
        String id = open("Checkout errors", "major", "{\"component\":\"Checkout\"}");
        Thread.sleep(1500);
        assertThat(mailTo(address)).hasSize(1);

        assertThat(get(confirm, null).body()).contains("Confirm subscription");
        String token = confirm.substring(confirm.indexOf("token=") + 6);
        HttpResponse<String> confirmed = form("/status/" + slug + "/confirm", "token=" + token);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscribed");

        update(id, "{\"status\":\"identified\",\"body\":\"A bad deploy; rolling back.\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() == 2);
        MimeMessage news = mailTo(address).get(1);
        assertThat(news.getSubject()).isEqualTo("[Acme Payments] Checkout errors: Identified");
        String body = text(news);
        assertThat(body).contains("A bad deploy; rolling back.");
        String unsubscribe = link(body, "/unsubscribe?token=");
        assertThat(news.getHeader("List-Unsubscribe", null)).isEqualTo("<http://firebreak.test" + unsubscribe + ">");
        assertThat(news.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the link itself.
        HttpResponse<String> gone = form(unsubscribe, "List-Unsubscribe=One-Click");
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("Unsubscribed");
        update(id, "{\"status\":\"resolved\",\"body\":\"Rolled back.\"}");
        Thread.sleep(1500);
        assertThat(mailTo(address)).hasSize(2);
        assertThat(form(unsubscribe, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
    }

    @Test
    void webhookSubscriberGetsSignedStatuspagePayloads() throws Exception {
        List<Map.Entry<Map<String, String>, String>> received = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/hook", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.entry(
                    Map.of(
                            "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                            "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            "signature", exchange.getRequestHeaders().getFirst("webhook-signature")),
                    payload));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try {
            String endpoint = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook";
            HttpResponse<String> subscribed = sendJson(
                    "POST",
                    "/status/" + slug + "/api/v2/subscribers.json",
                    null,
                    "{\"endpoint\":\"" + endpoint + "\"}");
            assertThat(subscribed.statusCode()).isEqualTo(202);
            String secret = json(subscribed).get("webhookSecret").asString();
            assertThat(secret).startsWith("whsec_");

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
            verify(received.getFirst(), secret);
            // Whoever asks again for the same URL learns nothing of its secret.
            HttpResponse<String> again = sendJson(
                    "POST",
                    "/status/" + slug + "/api/v2/subscribers.json",
                    null,
                    "{\"endpoint\":\"" + endpoint + "\"}");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(json(again).get("webhookSecret").isNull()).isTrue();
            JsonNode confirmation = JSON.readTree(received.getFirst().getValue());
            assertThat(confirmation.get("meta").get("type").asString()).isEqualTo("subscription.confirm");
            String confirm = confirmation.get("meta").get("confirm").asString();
            String token = confirm.substring(confirm.indexOf("token=") + 6);
            assertThat(form("/status/" + slug + "/confirm", "token=" + token).statusCode())
                    .isEqualTo(200);

            String id = open("API down", "critical", "{\"component\":\"API\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 2);
            verify(received.get(1), secret);
            JsonNode update = JSON.readTree(received.get(1).getValue());
            assertThat(update.get("meta").get("unsubscribe").asString()).contains("/status/" + slug + "/unsubscribe");
            assertThat(update.get("page").get("status_indicator").asString()).isEqualTo("critical");
            assertThat(update.get("page").get("status_description").asString()).isEqualTo("Major System Outage");
            JsonNode incident = update.get("incident");
            assertThat(incident.get("id").asString()).isEqualTo(id);
            assertThat(incident.get("name").asString()).isEqualTo("API down");
            assertThat(incident.get("impact").asString()).isEqualTo("critical");
            assertThat(incident.get("incident_updates").get(0).get("body").asString())
                    .isEqualTo("We are investigating.");
            assertThat(incident.get("components").get(0).get("status").asString())
                    .isEqualTo("major_outage");
        } finally {
            sink.stop(0);
        }
    }

    /** Standard Webhooks, from the spec: v1, base64 HMAC-SHA256 of id.timestamp.body. */
    private static void verify(Map.Entry<Map<String, String>, String> delivery, String secret) throws Exception {
        Map<String, String> headers = delivery.getKey();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = headers.get("id") + "." + headers.get("timestamp") + "." + delivery.getValue();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertThat(List.of(headers.get("signature").split(" "))).contains(expected);
    }

    private static String link(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).contains(kind)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in " + text);
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }
}
