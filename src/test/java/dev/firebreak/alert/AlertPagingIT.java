package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/alerts} over more rows than the old 10,000-row window: a label filter
 * matching half of 11,000 alerts pages through every one of them exactly once, and a list without
 * text filters says how many match in all.
 */
@Tag("database")
class AlertPagingIT extends IntakeTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final int ALERTS = 11_000;

    @Test
    void aFilterPagesOverTheWholeTable() {
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        String tag = unique();
        for (int from = 0; from < ALERTS; from += 1000) {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < from + 1000; i++) {
                body.append(i == from ? "" : ",")
                        .append("{\"labels\":{\"alertname\":\"Paging")
                        .append(tag)
                        .append("\",\"n\":\"")
                        .append(i)
                        .append("\",\"parity\":\"")
                        .append(i % 2 == 0 ? "even" : "odd")
                        .append("\"}}");
            }
            HttpResponse<String> posted = post(
                    "/api/v2/alerts",
                    "Bearer " + prometheus.key(),
                    "application/json",
                    body.append("]").toString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        }
        String viewer = tokenFor(Role.VIEWER);
        // The newest alerts of other tests come first; walk until every even one of ours is seen.
        String next = "/api/v1/alerts?matcher=alertname%3DPaging" + tag + "&matcher=parity%3Deven&limit=1000";
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next, viewer);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).isEmpty();
            for (JsonNode alert : JSON.readTree(page.body())) {
                assertThat(alert.get("labels").get("parity").asString()).isEqualTo("even");
                assertThat(seen.add(alert.get("labels").get("n").asString())).isTrue();
            }
            Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            next = link.find()
                    ? URI.create(link.group(1)).getRawPath() + "?"
                            + URI.create(link.group(1)).getRawQuery()
                    : null;
            pages++;
            assertThat(pages).isLessThan(20);
        }
        assertThat(seen).hasSize(ALERTS / 2);
        assertThat(pages).isGreaterThanOrEqualTo(6);

        HttpResponse<String> counted = get("/api/v1/alerts?status=firing&limit=5", viewer);
        assertThat(Long.parseLong(counted.headers().firstValue("X-Total-Count").orElseThrow()))
                .isGreaterThanOrEqualTo(ALERTS);
        assertThat(counted.headers().firstValue("Link").orElse(""))
                .contains("before=")
                .contains("status=firing");
        assertThat(JSON.readTree(counted.body()).size()).isEqualTo(5);
        // Silences page on request, newest first; whole without a limit.
        String responder = tokenFor(dev.firebreak.platform.security.Role.RESPONDER);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> made = sendJson(
                    "POST",
                    "/api/v1/silences",
                    responder,
                    "{\"matchers\":[\"alertname=Paged" + tag + i + "\"],\"duration\":\"1h\",\"comment\":\"paging\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }
        HttpResponse<String> two = get("/api/v1/silences?limit=2", viewer);
        assertThat(JSON.readTree(two.body()).size()).isEqualTo(2);
        String more = two.headers().firstValue("Link").orElseThrow();
        URI after = URI.create(more.replaceAll("^<([^>]+)>.*", "$1"));
        JsonNode rest = JSON.readTree(
                get(after.getRawPath() + "?" + after.getRawQuery(), viewer).body());
        assertThat(rest.get(0).get("id").asLong())
                .isLessThan(JSON.readTree(two.body()).get(1).get("id").asLong());
        assertThat(get("/api/v1/silences?limit=0", viewer).statusCode()).isEqualTo(400);
        // Any other list says it is whole, or that it filled the limit asked for.
        HttpResponse<String> silences = get("/api/v1/silences", viewer);
        assertThat(silences.headers().firstValue("X-Total-Count"))
                .hasValue(String.valueOf(JSON.readTree(silences.body()).size()));
        post(
                "/v2/change/enqueue",
                null,
                "application/json",
                "{\"routing_key\":\""
                        + integration(IntegrationType.EVENTS_V2).key()
                        + "\",\"payload\":{\"summary\":\"deploy\",\"source\":\"ci\"}}");
        post(
                "/v2/change/enqueue",
                null,
                "application/json",
                "{\"routing_key\":\""
                        + integration(IntegrationType.EVENTS_V2).key()
                        + "\",\"payload\":{\"summary\":\"deploy 2\",\"source\":\"ci\"}}");
        HttpResponse<String> first = get("/api/v1/changes?limit=1", viewer);
        String link = first.headers().firstValue("Link").orElseThrow();
        URI second = URI.create(link.replaceAll("^<([^>]+)>.*", "$1"));
        HttpResponse<String> page2 = get(second.getRawPath() + "?" + second.getRawQuery(), viewer);
        assertThat(page2.statusCode()).as(page2.body()).isEqualTo(200);
        assertThat(JSON.readTree(page2.body()).get(0).get("id").asLong())
                .isLessThan(JSON.readTree(first.body()).get(0).get("id").asLong());
        assertThat(get("/api/v1/changes?before=nonsense", viewer).statusCode()).isEqualTo(400);
        // A list read with a limit it filled, and no cursor, says so (the admin feed of pages).
        HttpResponse<String> capped = get("/api/v1/escalation-policies", viewer);
        assertThat(capped.headers().firstValue("X-Total-Count")).isPresent();
        assertThat(get("/api/v1/alerts?before=0", viewer).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/alerts?before=x", viewer).statusCode()).isEqualTo(400);
    }
}
