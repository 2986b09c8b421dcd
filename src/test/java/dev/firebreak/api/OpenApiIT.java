package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 document against the running server: every endpoint of the api package is in it
 * with its method, and every request example in it, sent to its endpoint, is accepted.
 */
@Tag("database")
class OpenApiIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Integrations integrations;

    private JsonNode document() {
        HttpResponse<String> doc = send(HttpRequest.newBuilder(uri("/api-docs")));
        assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
        return JSON.readTree(doc.body());
    }

    @Test
    void everyEndpointIsDocumented() {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        JsonNode paths = doc.get("paths");
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals("dev.firebreak.api")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                JsonNode item = paths.get(pattern);
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    checked.add("* " + pattern);
                    if (item == null) {
                        missing.add("* " + pattern);
                    }
                }
                for (RequestMethod method : methods) {
                    checked.add(method + " " + pattern);
                    if (item == null || item.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        });
        assertThat(checked).hasSizeGreaterThan(50).contains("GET /api/v1/incidents", "POST /v2/enqueue");
        assertThat(missing).isEmpty();
        assertThat(paths.get("/api/v2/alerts").get("post")).isNotNull();
        assertThat(doc.get("components").get("securitySchemes").get("apiToken")).isNotNull();
        assertThat(send(HttpRequest.newBuilder(uri("/api-docs.yaml"))).body()).startsWith("openapi: 3.1");
    }

    @Test
    void everyRequestExampleIsAccepted() {
        JsonNode paths = document().get("paths");
        String prometheus = integrations
                .create(
                        "openapi-" + UUID.randomUUID().toString().substring(0, 8),
                        IntegrationType.PROMETHEUS,
                        1000,
                        1000,
                        null)
                .key();
        String events = integrations
                .create(
                        "openapi-pd-" + UUID.randomUUID().toString().substring(0, 8),
                        IntegrationType.EVENTS_V2,
                        1000,
                        1000,
                        null)
                .key();
        String responder = tokenFor(Role.RESPONDER);
        int sent = 0;
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode example = operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("example");
                if (example.isMissingNode()) {
                    continue;
                }
                // The silence's times from the server's clock, which other tests move.
                Instant now = clock.instant();
                String body = example.toString()
                        .replace("ROUTING_KEY", events)
                        .replace(
                                "2026-12-02T03:15:00Z",
                                now.truncatedTo(ChronoUnit.SECONDS).toString())
                        .replace(
                                "2026-12-02T05:15:00Z",
                                now.plus(1, ChronoUnit.HOURS)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString());
                String credential = path.getKey().equals("/api/v2/alerts") ? prometheus : responder;
                HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path.getKey()))
                        .method(operation.getKey().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + credential));
                assertThat(answer.statusCode())
                        .as(operation.getKey() + " " + path.getKey() + ": " + answer.body())
                        .isBetween(200, 299);
                if (path.getKey().equals("/api/v2/silences")) {
                    String id = JSON.readTree(answer.body()).get("silenceID").asString();
                    send(HttpRequest.newBuilder(uri("/api/v2/silence/" + id))
                            .DELETE()
                            .header("Authorization", "Bearer " + responder));
                }
                sent++;
            }
        }
        assertThat(sent).isEqualTo(OpenApiDocument.EXAMPLES.size());
    }
}
