package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.intake.Fingerprints;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PagerDuty Events API v2 at {@code /v2/enqueue}, with PagerDuty's answers and rules. */
@Tag("database")
class PagerDutyIntakeIT extends IntakeTestSupport {

    /** PagerDuty's documented curl example, with only the host changed. */
    private static String event(String routingKey, String action, String dedupKey, String summary) {
        return "{\"payload\":{\"summary\":\"" + summary + "\",\"timestamp\":\"2015-07-17T08:42:58.315+0000\","
                + "\"severity\":\"critical\",\"source\":\"monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003\","
                + "\"component\":\"postgres\",\"group\":\"prod-datapipe\",\"class\":\"deploy\",\"custom_details\":"
                + "{\"ping time\":\"1500ms\",\"load avg\":0.75}},\"routing_key\":\"" + routingKey + "\","
                + (dedupKey == null ? "" : "\"dedup_key\":\"" + dedupKey + "\",")
                + "\"images\":[{\"src\":\"https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png\","
                + "\"href\":\"https://example.com/\",\"alt\":\"Example text\"}],\"links\":[{\"href\":\"https://example.com/\","
                + "\"text\":\"Link text\"}],\"event_action\":\"" + action
                + "\",\"client\":\"Sample Monitoring Service\","
                + "\"client_url\":\"https://monitoring.service.com\"}";
    }

    private static String followUp(String routingKey, String action, String dedupKey) {
        return "{\"routing_key\":\"" + routingKey + "\",\"dedup_key\":\"" + dedupKey + "\",\"event_action\":\"" + action
                + "\"}";
    }

    private Alert alert(Integrations.Created pd, String dedupKey) {
        return alerts.findByFingerprint(Fingerprints.ofDedupKey(pd.integration().id(), dedupKey))
                .orElseThrow();
    }

    @Test
    void triggerAnswersLikePagerDutyAndMapsFields() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        assertThat(pd.key()).hasSize(32).matches("[A-Za-z0-9]+");
        String dedup = "srv01/HTTP-" + unique();
        HttpResponse<String> response =
                postJson("/v2/enqueue", event(pd.key(), "trigger", dedup, "Example alert on host1.example.com"));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedup + "\"}");
        Alert alert = alert(pd, dedup);
        assertThat(alert.labels())
                .containsEntry("alertname", "Example alert on host1.example.com")
                .containsEntry("severity", "critical")
                .containsEntry("component", "postgres")
                .containsEntry("group", "prod-datapipe")
                .containsEntry("class", "deploy")
                .containsKey("source");
        assertThat(alert.annotations())
                .containsEntry("ping time", "1500ms")
                .containsEntry("load avg", "0.75")
                .containsKeys("links", "images", "summary");
        assertThat(alert.dedupKey()).isEqualTo(dedup);

        assertThat(postJson("/v2/enqueue", event(pd.key(), "trigger", dedup, "again"))
                        .statusCode())
                .isEqualTo(202);
        assertThat(alert(pd, dedup).receiveCount()).isEqualTo(2);
        assertThat(stored(pd.integration().id())).isEqualTo(1);
    }

    @Test
    void triggerWithoutDedupKeyGetsOne() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        HttpResponse<String> response = postJson("/v2/enqueue", event(pd.key(), "trigger", null, "no key"));
        assertThat(response.statusCode()).isEqualTo(202);
        String dedup = response.body().replaceAll(".*\"dedup_key\":\"([^\"]+)\".*", "$1");
        assertThat(dedup).isNotBlank();
        assertThat(alert(pd, dedup).labels()).containsEntry("alertname", "no key");
    }

    @Test
    void routingKeyMayComeInTheHeaderOlderClientsSend() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String dedup = "header-" + unique();
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/v2/enqueue"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"event_action\":\"trigger\",\"dedup_key\":\""
                        + dedup + "\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"info\"}}"))
                .header("Content-Type", "application/json")
                .header("X-Routing-Key", pd.key()));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(alert(pd, dedup).labels()).containsEntry("severity", "info");
    }

    @Test
    void acknowledgeAndResolveUnderAnotherRoutingKeyChangeNothing() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        Integrations.Created other = integration(IntegrationType.EVENTS_V2);
        String dedup = "shared-" + unique();
        assertThat(postJson("/v2/enqueue", event(pd.key(), "trigger", dedup, "x"))
                        .statusCode())
                .isEqualTo(202);
        assertThat(postJson("/v2/enqueue", followUp(other.key(), "acknowledge", dedup))
                        .statusCode())
                .isEqualTo(202);
        assertThat(postJson("/v2/enqueue", followUp(other.key(), "resolve", dedup))
                        .statusCode())
                .isEqualTo(202);
        Alert alert = alert(pd, dedup);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.receiveCount()).isEqualTo(1);
        assertThat(stored(other.integration().id())).isZero();
    }

    @Test
    void triggerAfterResolveOpensANewAlert() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String dedup = "flappy-" + unique();
        assertThat(postJson("/v2/enqueue", event(pd.key(), "trigger", dedup, "x"))
                        .statusCode())
                .isEqualTo(202);
        long first = alert(pd, dedup).id();
        assertThat(postJson("/v2/enqueue", followUp(pd.key(), "acknowledge", dedup))
                        .statusCode())
                .isEqualTo(202);
        HttpResponse<String> resolve = postJson("/v2/enqueue", followUp(pd.key(), "resolve", dedup));
        assertThat(resolve.statusCode()).isEqualTo(202);
        assertThat(resolve.body()).contains("\"dedup_key\":\"" + dedup + "\"");
        assertThat(alerts.find(first).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(postJson("/v2/enqueue", event(pd.key(), "trigger", dedup, "x"))
                        .statusCode())
                .isEqualTo(202);
        Alert second = alert(pd, dedup);
        assertThat(second.id()).isNotEqualTo(first);
        assertThat(second.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(stored(pd.integration().id())).isEqualTo(2);
    }

    @Test
    void invalidEventsAreRefusedInPagerDutysShape() {
        Integrations.Created pd = integration(IntegrationType.EVENTS_V2);
        String key = pd.key();
        String[][] cases = {
            {followUp(key, "resolve", "").replace(",\"dedup_key\":\"\"", ""), "'dedup_key' is missing or blank"},
            {followUp(key, "snooze", "x"), "'event_action' is invalid"},
            {event(key, "trigger", "d", "x".repeat(1025)), "Length of 'payload.summary' is incorrect"},
            {event(key, "trigger", "d".repeat(256), "x"), "Length of 'dedup_key' is incorrect"},
            {event(key, "trigger", "d", "x").replace("\"critical\"", "\"fatal\""), "'payload.severity' is invalid"},
            {"{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\"}", "'payload' is missing or blank"},
            {event("0123456789abcdef0123456789abcdef", "trigger", "d", "x"), "Invalid routing key"},
            {"{\"event_action\":\"trigger\"}", "'routing_key' is missing or blank"},
            {"{\"routing_key\": ", "not valid JSON"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = postJson("/v2/enqueue", c[0]);
            assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(response.body())
                    .as(c[1])
                    .startsWith("{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[")
                    .contains(c[1]);
        }
        Integrations.Created prometheus = integration(IntegrationType.PROMETHEUS);
        assertThat(postJson("/v2/enqueue", event(prometheus.key(), "trigger", "d", "x"))
                        .body())
                .contains("Invalid routing key");
        String big = event(key, "trigger", "big", "x").replace("\"1500ms\"", "\"" + "x".repeat(513 * 1024) + "\"");
        assertThat(postJson("/v2/enqueue", big).statusCode()).isEqualTo(413);
        assertThat(post("/v2/enqueue", null, "text/plain", event(key, "trigger", "d", "x"))
                        .statusCode())
                .isEqualTo(415);
        assertThat(stored(pd.integration().id())).isZero();
        assertThat(stored(prometheus.integration().id())).isZero();
    }
}
