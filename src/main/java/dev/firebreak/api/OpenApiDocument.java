package dev.firebreak.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What springdoc cannot read off the controllers: the credentials, {@code POST /api/v2/alerts}
 * (a servlet filter, not a controller) and request bodies read as bytes, with an example each.
 * OpenApiIT sends every example to its endpoint and expects it accepted.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {
    /** Operation (method and path) to the example of its request body, under {@code openapi/}. */
    static final Map<String, String> EXAMPLES = Map.of(
            "post /api/v2/alerts", "prometheus-alerts.json",
            "post /v2/enqueue", "pagerduty-event.json",
            "post /v2/change/enqueue", "pagerduty-change.json",
            "post /api/v2/silences", "silence.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    OpenApiCustomizer firebreakOpenApi(ObjectProvider<BuildProperties> build) {
        return openApi -> {
            String version = build.getIfAvailable() == null
                    ? "dev"
                    : build.getIfAvailable().getVersion();
            openApi.info(new Info()
                    .title("Firebreak")
                    .version(version)
                    .description("Incidents, alerts, runbooks, on-call and notifications (docs/api.md). Errors are"
                            + " RFC 9457 problem+json, except on Alertmanager's API v2 (/api/v2/**), which answers"
                            + " as Alertmanager does. Lists page with a `before` cursor in `Link: rel=\"next\"`."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(
                    "apiToken",
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("A user's API token (fbk_...), from `firebreak admin create-token` or"
                                    + " Settings > API tokens"));
            components.addSecuritySchemes(
                    "routingKey",
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER)
                            .name("X-Routing-Key")
                            .description("PagerDuty's routing_key: in the body as PagerDuty's clients send it, or"
                                    + " in this header"));
            components.addSecuritySchemes(
                    "integrationKey",
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("An integration's key (alert intake), or PagerDuty's routing_key"
                                    + " in the body"));
            openApi.components(components);
            openApi.addSecurityItem(new SecurityRequirement().addList("apiToken"));
            openApi.path("/api/v2/alerts", prometheusIntake(openApi.getPaths().get("/api/v2/alerts")));
            EXAMPLES.forEach((operation, file) -> example(openApi, operation, file));
            for (String pagerDuty : java.util.List.of("/v2/enqueue", "/v2/change/enqueue")) {
                openApi.getPaths()
                        .get(pagerDuty)
                        .getPost()
                        .setSecurity(java.util.List.of(new SecurityRequirement().addList("routingKey")));
            }
        };
    }

    private static PathItem prometheusIntake(PathItem existing) {
        PathItem item = existing == null ? new PathItem() : existing;
        ApiResponses answers = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("committed: every alert is stored and grouped"))
                .addApiResponse("400", new ApiResponse().description("not Alertmanager's postable alerts"))
                .addApiResponse("401", new ApiResponse().description("no or unknown integration key or API token"))
                .addApiResponse("429", new ApiResponse().description("over the integration's rate; see Retry-After"))
                .addApiResponse(
                        "503", new ApiResponse().description("the alert writer is behind; retry after Retry-After"));
        return item.post(new Operation()
                .operationId("postAlerts")
                .summary("Alerts from Prometheus (Alertmanager's postableAlerts), or from amtool with a user's token")
                .addTagsItem("alertmanager-api-v2")
                .addSecurityItem(new SecurityRequirement().addList("integrationKey"))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"))
                .requestBody(new RequestBody().required(true))
                .responses(answers));
    }

    private static void example(OpenAPI openApi, String operation, String file) {
        String[] parts = operation.split(" ", 2);
        PathItem item = openApi.getPaths().get(parts[1]);
        Operation op =
                item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0].toUpperCase()));
        if (op == null) {
            throw new IllegalStateException("OpenAPI example for a missing operation: " + operation);
        }
        Object example = JSON.readValue(read(file), Object.class);
        RequestBody body = op.getRequestBody() == null ? new RequestBody() : op.getRequestBody();
        body.setRequired(true);
        Content content = body.getContent() == null ? new Content() : body.getContent();
        // Raw-bytes bodies have a binary schema: say what the JSON is; a typed one keeps its schema.
        boolean raw = content.values().stream()
                .allMatch(m ->
                        m.getSchema() == null || "binary".equals(m.getSchema().getFormat()));
        if (raw || content.isEmpty()) {
            Schema<Object> schema = new Schema<>();
            schema.addType(example instanceof java.util.List<?> ? "array" : "object");
            if (content.isEmpty()) {
                content.addMediaType("application/json", new MediaType());
            }
            content.values().forEach(m -> m.setSchema(schema));
        }
        content.values().forEach(m -> m.setExample(example));
        body.content(content);
        op.requestBody(body);
    }

    static String read(String file) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no /openapi/" + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
