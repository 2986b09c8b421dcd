package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat service and webhook receiver on 127.0.0.1 for tests: records every request, answers each
 * path as scripted (200, 429 with Retry-After, 500, 410, a redirect, or a hang until closed), and
 * checks what the services themselves would: Block Kit, Adaptive Cards 1.2, Mattermost posts,
 * Standard Webhooks signatures (verified here from the spec, not with the product's code).
 */
public final class HttpSink implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived; header names in lower case. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body, Instant at) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** How the sink answers one request. */
    public sealed interface Answer {
        record Status(int code, Map<String, String> headers, String body) implements Answer {}

        record Hang() implements Answer {}
    }

    public static Answer ok() {
        return new Answer.Status(200, Map.of(), "ok");
    }

    public static Answer status(int code) {
        return new Answer.Status(code, Map.of(), "status " + code);
    }

    public static Answer retryAfterSeconds(int code, long seconds) {
        return new Answer.Status(code, Map.of("Retry-After", Long.toString(seconds)), "slow down");
    }

    public static Answer retryAfterDate(int code, Instant at) {
        return new Answer.Status(
                code,
                Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))),
                "slow down");
    }

    public static Answer redirect(int code, String location) {
        return new Answer.Status(code, Map.of("Location", location), "");
    }

    public static Answer hang() {
        return new Answer.Hang();
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private HttpSink(HttpServer server) {
        this.server = server;
    }

    public static HttpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HttpSink sink = new HttpSink(server);
            server.createContext("/", sink::handle);
            // a hanging answer holds one virtual thread, never the others
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return sink;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** These answers for the next requests to {@code path}, in order; then its standing answer. */
    public HttpSink script(String path, Answer... answers) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** The answer to {@code path} once the script is used up (default 200). */
    public HttpSink always(String path, Answer answer) {
        always.put(path, answer);
        return this;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code path} got {@code count} requests and returns them. */
    public List<Received> await(String path, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> received(path).size() >= count);
        return received(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, headers, body, Instant.now()));
            Deque<Answer> queue = scripted.get(path);
            Answer answer = queue == null || queue.isEmpty() ? always.getOrDefault(path, ok()) : queue.poll();
            switch (answer) {
                case Answer.Hang hang -> {
                    try {
                        closing.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case Answer.Status status -> {
                    status.headers().forEach((name, value) -> exchange.getResponseHeaders()
                            .add(name, value));
                    byte[] out = status.body().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status.code(), out.length == 0 ? -1 : out.length);
                    if (out.length > 0) {
                        try (OutputStream stream = exchange.getResponseBody()) {
                            stream.write(out);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    // ---- what the real services check ----

    /** A Slack incoming-webhook message: top-level text and Block Kit blocks of known types. */
    public static JsonNode assertSlack(Received request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode root = request.json();
        assertThat(root.path("text").asString()).as("fallback text").isNotBlank();
        JsonNode blocks = root.path("blocks");
        assertThat(blocks.isArray() && blocks.size() > 0 && blocks.size() <= 50).isTrue();
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks) {
            String type = block.path("type").asString();
            assertThat(type).isIn("header", "section", "context", "actions", "divider");
            if (block.has("block_id")) {
                assertThat(block.get("block_id").asString()).hasSizeLessThanOrEqualTo(255);
                ids.add(block.get("block_id").asString());
            }
            switch (type) {
                case "header" -> {
                    assertThat(block.path("text").path("type").asString()).isEqualTo("plain_text");
                    assertThat(block.path("text").path("text").asString()).hasSizeLessThanOrEqualTo(150);
                }
                case "section" -> {
                    assertThat(block.has("text") || block.has("fields")).isTrue();
                    if (block.has("text")) {
                        assertThat(block.path("text").path("type").asString()).isIn("mrkdwn", "plain_text");
                        assertThat(block.path("text").path("text").asString()).hasSizeLessThanOrEqualTo(3000);
                    }
                    if (block.has("fields")) {
                        assertThat(block.get("fields").size()).isBetween(1, 10);
                        block.get("fields")
                                .forEach(f ->
                                        assertThat(f.path("type").asString()).isEqualTo("mrkdwn"));
                    }
                }
                case "context" -> assertThat(block.path("elements").size()).isBetween(1, 10);
                case "actions" -> {
                    assertThat(block.path("elements").size()).isBetween(1, 25);
                    for (JsonNode button : block.get("elements")) {
                        assertThat(button.path("type").asString()).isEqualTo("button");
                        assertThat(button.path("text").path("type").asString()).isEqualTo("plain_text");
                        assertThat(button.path("url").asString()).startsWith("http");
                        assertThat(button.path("action_id").asString()).isNotBlank();
                    }
                }
                default -> {}
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        return root;
    }

    /** A Teams Workflows message: one Adaptive Card 1.2 attachment with its schema and OpenUrl actions. */
    public static JsonNode assertTeams(Received request) {
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode root = request.json();
        assertThat(root.path("type").asString()).isEqualTo("message");
        assertThat(root.path("attachments").size()).isEqualTo(1);
        JsonNode attachment = root.path("attachments").get(0);
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asString()).isEqualTo("1.2");
        assertThat(card.path("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("body").size()).isPositive();
        for (JsonNode element : card.get("body")) {
            assertThat(element.path("type").asString()).isIn("TextBlock", "FactSet", "Container", "ColumnSet");
            if (element.path("type").asString().equals("FactSet")) {
                element.path("facts").forEach(f -> assertThat(f.has("title") && f.has("value"))
                        .isTrue());
            }
        }
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asString()).isEqualTo("Action.OpenUrl");
            assertThat(action.path("title").asString()).isNotBlank();
            assertThat(action.path("url").asString()).startsWith("http");
        }
        return root;
    }

    /** A Mattermost incoming-webhook post: text or attachments, fields with title and value. */
    public static JsonNode assertMattermost(Received request) {
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode root = request.json();
        assertThat(root.path("text").asString().isBlank()
                        && root.path("attachments").isEmpty())
                .isFalse();
        assertThat(root.path("text").asString()).hasSizeLessThanOrEqualTo(16383);
        for (JsonNode attachment : root.path("attachments")) {
            assertThat(attachment.path("fallback").asString()).isNotBlank();
            for (JsonNode field : attachment.path("fields")) {
                assertThat(field.has("title") && field.has("value")).isTrue();
                assertThat(field.path("short").isBoolean()).isTrue();
            }
        }
        if (root.has("props")) {
            assertThat(root.get("props").isObject()).isTrue();
        }
        return root;
    }

    /**
     * Verifies Standard Webhooks headers against the raw body: the id, a timestamp within five
     * minutes of {@code now}, and one signature per secret given (each secret must match one).
     *
     * @return how many signatures the header carried
     */
    public static int assertSigned(Received request, Instant now, String... secrets) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        assertThat(id).isNotBlank().doesNotContain(".");
        assertThat(timestamp).matches("\\d+");
        assertThat(Math.abs(now.getEpochSecond() - Long.parseLong(timestamp))).isLessThanOrEqualTo(300);
        assertThat(signatures).isNotBlank();
        List<String> offered = List.of(signatures.split(" "));
        for (String secret : secrets) {
            String expected = "v1," + hmac(secret, id + "." + timestamp + ".", request.body());
            assertThat(offered)
                    .as("a signature by " + secret.substring(0, 10) + "…")
                    .contains(expected);
        }
        return offered.size();
    }

    private static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
