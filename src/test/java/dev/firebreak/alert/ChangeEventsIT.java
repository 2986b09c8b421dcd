package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** PagerDuty change events at {@code /v2/change/enqueue}, {@code /api/v1/changes} and on incident pages. */
@Tag("database")
class ChangeEventsIT extends IntakeTestSupport {
    private static final String PATH = "/v2/change/enqueue";

    @Autowired
    Incidents incidents;

    /** PagerDuty's documented example, with only the routing key, service and time changed. */
    private static String change(String routingKey, String summary, String service, Instant at, String links) {
        return "{\"routing_key\":\"" + routingKey + "\",\"payload\":{\"summary\":\"" + summary + "\","
                + (at == null ? "" : "\"timestamp\":\"" + at + "\",")
                + "\"source\":\"acme-build-pipeline-tool-default-i-9999\",\"custom_details\":{"
                + (service == null ? "" : "\"service\":\"" + service + "\",")
                + "\"build_state\":\"passed\",\"build_number\":\"2\",\"run_time\":\"1236s\"}},\"links\":"
                + (links == null
                        ? "[{\"href\":\"https://acme.pagerduty.dev/build/2\",\"text\":\"View more details in Acme!\"}]"
                        : links)
                + "}";
    }

    private long changes(long integrationId) {
        return jdbc.sql("select count(*) from change_events where integration_id = ?")
                .param(integrationId)
                .query(Long.class)
                .single();
    }

    @Test
    void changeEventAnswersLikePagerDutyAndIsStored() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String service = "billing-" + unique();
        HttpResponse<String> response = postJson(
                PATH,
                change(pd.key(), "Build Success: Increase snapshot create timeout to 30 seconds", service, null, null)
                        .replace("\"payload\":{", "\"payload\":{\"timestamp\":\"2020-07-17T08:42:58.315+0000\","));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\",\"dedup_key\":null}");

        List<ChangeEvent> stored = changeEvents.list(service, null, null, 10);
        assertThat(stored).hasSize(1);
        ChangeEvent event = stored.getFirst();
        assertThat(event.summary()).isEqualTo("Build Success: Increase snapshot create timeout to 30 seconds");
        assertThat(event.source()).isEqualTo("acme-build-pipeline-tool-default-i-9999");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
        assertThat(event.integrationId()).isEqualTo(pd.integration().id());
        assertThat(event.customDetails()).containsEntry("build_state", "passed").containsEntry("service", service);
        assertThat(event.links())
                .containsExactly(
                        new ChangeEvent.Link("https://acme.pagerduty.dev/build/2", "View more details in Acme!"));

        // The smallest change event PagerDuty takes: a summary; the time is when it arrived.
        HttpResponse<String> minimal =
                postJson(PATH, "{\"routing_key\":\"" + pd.key() + "\",\"payload\":{\"summary\":\"Rotated a secret\"}}");
        assertThat(minimal.statusCode()).isEqualTo(202);
        assertThat(changes(pd.integration().id())).isEqualTo(2);
        // Change events are not alerts: nothing fires.
        assertThat(stored(pd.integration().id())).isZero();
    }

    @Test
    void invalidChangeEventsAreRefusedInPagerDutysShape() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String key = pd.key();
        Instant now = clock.instant();
        String[][] cases = {
            {"{\"routing_key\":\"" + key + "\"}", "'payload' is missing or blank"},
            {"{\"routing_key\":\"" + key + "\",\"payload\":\"x\"}", "'payload' is missing or blank"},
            {
                "{\"routing_key\":\"" + key + "\",\"payload\":{\"source\":\"ci\"}}",
                "'payload.summary' is missing or blank"
            },
            {
                "{\"routing_key\":\"" + key + "\",\"payload\":{\"summary\":\"  \"}}",
                "'payload.summary' is missing or blank"
            },
            {change(key, "x".repeat(1025), null, now, null), "Length of 'payload.summary' is incorrect"},
            {
                change(key, "s", null, null, null)
                        .replace("\"payload\":{", "\"payload\":{\"timestamp\":\"yesterday\","),
                "'payload.timestamp' is invalid"
            },
            {
                "{\"routing_key\":\"" + key + "\",\"payload\":{\"summary\":\"s\",\"custom_details\":[1]}}",
                "'payload.custom_details' is invalid"
            },
            {change(key, "s", "x".repeat(501), now, null), "Length of 'payload.custom_details.service' is incorrect"},
            {change(key, "s", null, now, "{\"href\":\"https://x\"}"), "'links' is invalid"},
            {change(key, "s", null, now, "[{\"text\":\"no href\"}]"), "'links[0].href' is missing or blank"},
            {
                change(key, "s", null, now, "[{\"href\":\"https://ok\"},\"https://x\"]"),
                "'links[1].href' is missing or blank"
            },
            {change("0123456789abcdef0123456789abcdef", "s", null, now, null), "Invalid routing key"},
            {"{\"payload\":{\"summary\":\"s\"}}", "'routing_key' is missing or blank"},
            {"[1]", "Event object must be a JSON object"},
            {"{\"routing_key\": ", "not valid JSON"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = postJson(PATH, c[0]);
            assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(response.body())
                    .as(c[1])
                    .startsWith("{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[")
                    .contains(c[1]);
        }
        // Every error at once, as PagerDuty lists them.
        assertThat(postJson(PATH, "{\"routing_key\":\"" + key + "\",\"payload\":{\"timestamp\":\"x\"},\"links\":7}")
                        .body())
                .contains(
                        "'payload.summary' is missing or blank",
                        "'payload.timestamp' is invalid",
                        "'links' is invalid");

        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        assertThat(postJson(PATH, change(prometheus.key(), "s", null, now, null))
                        .body())
                .contains("Invalid routing key");
        String big = change(key, "big", null, now, null).replace("\"1236s\"", "\"" + "x".repeat(513 * 1024) + "\"");
        assertThat(postJson(PATH, big).statusCode()).isEqualTo(413);
        assertThat(post(PATH, null, "text/plain", change(key, "s", null, now, null))
                        .statusCode())
                .isEqualTo(415);
        assertThat(changes(pd.integration().id())).isZero();
        assertThat(changes(prometheus.integration().id())).isZero();
    }

    @Test
    void changeEventsShareTheIntegrationsRateLimit() {
        Integrations.Created pd =
                integrations.create("events-v2-slow-" + unique(), IntegrationType.EVENTS_V2, 1, 1, null);
        assertThat(postJson(PATH, change(pd.key(), "first", null, null, null)).statusCode())
                .isEqualTo(202);
        HttpResponse<String> second = postJson(PATH, change(pd.key(), "second", null, null, null));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(changes(pd.integration().id())).isEqualTo(1);
    }

    @Test
    void theApiListsChangesNewestFirstAndRefusesBadInput() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String service = "search-" + unique();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int hours : new int[] {30, 2, 1}) {
            assertThat(postJson(
                                    PATH,
                                    change(
                                            pd.key(),
                                            "change " + hours + "h ago",
                                            service,
                                            now.minus(hours, ChronoUnit.HOURS),
                                            null))
                            .statusCode())
                    .isEqualTo(202);
        }
        String viewer = tokenFor(Role.VIEWER);
        HttpResponse<String> all = get("/api/v1/changes?service=" + service, viewer);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).containsSubsequence("change 1h ago", "change 2h ago", "change 30h ago");
        assertThat(all.body()).contains("\"links\":[{\"href\":\"https://acme.pagerduty.dev/build/2\"");

        HttpResponse<String> recent =
                get("/api/v1/changes?service=" + service + "&since=" + now.minus(3, ChronoUnit.HOURS), viewer);
        assertThat(recent.body()).contains("change 1h ago", "change 2h ago").doesNotContain("change 30h ago");
        HttpResponse<String> offset = get(
                "/api/v1/changes?service=" + service + "&since="
                        + now.minus(3, ChronoUnit.HOURS)
                                .atOffset(java.time.ZoneOffset.ofHours(2))
                                .toString()
                                .replace("+", "%2B"),
                viewer);
        assertThat(offset.body()).isEqualTo(recent.body());
        assertThat(get("/api/v1/changes?service=" + service + "&limit=1", viewer)
                        .body())
                .contains("change 1h ago")
                .doesNotContain("change 2h ago");
        assertThat(get("/api/v1/changes?source=acme-build-pipeline-tool-default-i-9999&limit=1000", viewer)
                        .statusCode())
                .isEqualTo(200);

        for (String bad :
                new String[] {"since=yesterday", "since=2026-01-31T12:00:00", "limit=0", "limit=1001", "limit=many"}) {
            HttpResponse<String> response = get("/api/v1/changes?" + bad, viewer);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(response.body()).as(bad).contains("\"field\":\"" + bad.substring(0, bad.indexOf('=')) + "\"");
        }
        assertThat(get("/api/v1/changes", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theIncidentPageListsRecentChangesOfItsServiceAndSources() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String service = "checkout-" + unique();
        String host = "host-" + unique() + ":9100";
        Instant now = clock.instant();
        String evil = "[{\"href\":\"javascript:alert(1)\",\"text\":\"evil link\"},"
                + "{\"href\":\"https://ci.example.com/build/2?a=1&b=2\",\"text\":\"Build 2\"}]";
        String[][] sent = {
            {change(pd.key(), "Deployed checkout v41", service, now.minus(2, ChronoUnit.HOURS), null)},
            {change(pd.key(), "Too old a deploy", service, now.minus(30, ChronoUnit.HOURS), null)},
            {change(pd.key(), "Another service changed", "other-" + unique(), now.minus(1, ChronoUnit.HOURS), null)},
            {
                change(pd.key(), "Kernel upgrade on the host", null, now.minus(1, ChronoUnit.HOURS), null)
                        .replace("acme-build-pipeline-tool-default-i-9999", host)
            },
            {change(pd.key(), "Deployed checkout v42 <script>", service, now.minus(10, ChronoUnit.MINUTES), evil)},
        };
        for (String[] body : sent) {
            assertThat(postJson(PATH, body[0]).statusCode()).isEqualTo(202);
        }

        String key = AlertGroups.key();
        alertGroups()
                .fire(new AlertGroup(
                        key,
                        "default",
                        Map.of(),
                        service,
                        "primary",
                        "critical",
                        null,
                        List.of(AlertGroups.alert("CheckoutErrors", Map.of("instance", host), now))));
        long id =
                incidents.list(new IncidentQuery(null, null, key, 1)).getFirst().id();

        String name = "viewer-" + unique();
        accounts.create(name, "password-123456", Role.VIEWER, null, null);
        HttpResponse<String> page = getPage(login(name, "password-123456"), "/incidents/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        String section = page.body().substring(page.body().indexOf("id=\"recent-changes\""));
        section = section.substring(0, section.indexOf("</ul>"));
        assertThat(section)
                .containsSubsequence(
                        "Deployed checkout v42 &lt;script&gt;", "Kernel upgrade on the host", "Deployed checkout v41")
                .doesNotContain("Too old a deploy", "Another service changed", "<script>")
                .contains("href=\"https://ci.example.com/build/2?a=1&amp;b=2\"")
                .contains("evil link")
                .doesNotContain("javascript:");

        // An incident with neither the service nor the sources shows none.
        String otherKey = AlertGroups.key();
        alertGroups()
                .fire(new AlertGroup(
                        otherKey,
                        "default",
                        Map.of(),
                        "quiet-" + unique(),
                        "primary",
                        "critical",
                        null,
                        List.of(AlertGroups.alert("QuietErrors", Map.of(), now))));
        long quiet = incidents
                .list(new IncidentQuery(null, null, otherKey, 1))
                .getFirst()
                .id();
        assertThat(getPage(login(name, "password-123456"), "/incidents/" + quiet)
                        .body())
                .contains("No change events for this service");
    }

    @Autowired
    ChangeEvents changeEvents;
}
