package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PagerDuty's semantics for Events v2: a trigger opens its incident at once, one per dedup_key,
 * and acknowledge and resolve apply as they arrive, even right after the trigger. The test clock
 * never moves here: nothing waits for a group_wait or group_interval.
 */
@Tag("database")
class PagerDutyIncidentsIT extends ServerTest {
    @Autowired
    Integrations integrations;

    @Autowired
    Incidents incidents;

    @Test
    void aTriggerOpensItsIncidentAtOnceAndAnAcknowledge50msLaterApplies() throws Exception {
        Integrations.Created pd =
                integrations.create("pd-" + unique(), IntegrationType.EVENTS_V2, 10_000, 10_000, null);
        String key = pd.key();
        String summary = "Checkout latency " + unique();
        String dedup = "checkout-" + unique();
        assertThat(send(key, "trigger", dedup, summary).statusCode()).isEqualTo(202);
        Thread.sleep(50);
        assertThat(send(key, "acknowledge", dedup, null).statusCode()).isEqualTo(202);

        Incident incident = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> one(summary), i -> i != null && i.state() == IncidentState.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo(pd.integration().name());
        assertThat(incidents.details(incident.id()).timeline())
                .anyMatch(e -> e.detail() instanceof TimelineDetail.StateChange s
                        && s.cause() == TimelineDetail.StateChange.Cause.ACKNOWLEDGED_BY_SENDER);

        assertThat(send(key, "resolve", dedup, null).statusCode()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> one(summary).state() == IncidentState.RESOLVED);
    }

    @Test
    void aTriggerAloneOpensItsIncidentWithinSeconds() {
        String key = integration();
        String summary = "Disk full " + unique();
        assertThat(send(key, "trigger", "disk-" + unique(), summary).statusCode())
                .isEqualTo(202);
        Incident incident = Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> one(summary), i -> i != null);
        assertThat(incident.state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(incident.severity().name()).isEqualTo("P1"); // PagerDuty's critical
    }

    @Test
    void twoDedupKeysWithOneSummaryAreTwoIncidentsAcknowledgedApart() {
        String key = integration();
        String summary = "Queue backlog " + unique();
        String first = "queue-a-" + unique();
        String second = "queue-b-" + unique();
        assertThat(send(key, "trigger", first, summary).statusCode()).isEqualTo(202);
        assertThat(send(key, "trigger", second, summary).statusCode()).isEqualTo(202);
        List<Incident> both = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> incidents.list(new IncidentQuery(null, null, summary, 10)), l -> l.size() == 2);
        assertThat(both).extracting(Incident::groupKey).doesNotHaveDuplicates();

        assertThat(send(key, "acknowledge", first, null).statusCode()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> incidents
                                .list(new IncidentQuery("acknowledged", null, summary, 10))
                                .size()
                        == 1);
        List<Incident> after = incidents.list(new IncidentQuery(null, null, summary, 10));
        assertThat(after)
                .extracting(Incident::state)
                .containsExactlyInAnyOrder(IncidentState.ACKNOWLEDGED, IncidentState.TRIGGERED);
        assertThat(after.stream()
                        .filter(i -> i.state() == IncidentState.ACKNOWLEDGED)
                        .findFirst()
                        .orElseThrow()
                        .groupKey())
                .contains(first);
    }

    private String integration() {
        return integrations
                .create("pd-" + unique(), IntegrationType.EVENTS_V2, 10_000, 10_000, null)
                .key();
    }

    private Incident one(String summary) {
        List<Incident> found = incidents.list(new IncidentQuery(null, null, summary, 10));
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.getFirst();
    }

    private HttpResponse<String> send(String routingKey, String action, String dedup, String summary) {
        String payload = summary == null
                ? ""
                : ", \"payload\": {\"summary\": \"" + summary
                        + "\", \"source\": \"host-1\", \"severity\": \"critical\"}";
        return send(HttpRequest.newBuilder(uri("/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"routing_key\": \"" + routingKey
                        + "\", \"event_action\": \"" + action + "\", \"dedup_key\": \"" + dedup + "\"" + payload
                        + "}")));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
