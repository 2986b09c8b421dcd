package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.intake.Fingerprints;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook receiver and the generic JSON webhook. */
@Tag("database")
class WebhookIntakeIT extends IntakeTestSupport {

    private static String webhook(String status, String name) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"" + name + "\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"" + status + "\",\"receiver\":\"firebreak\",\"groupLabels\":{\"alertname\":\"" + name
                + "\"},\"commonLabels\":{\"alertname\":\"" + name + "\"},\"commonAnnotations\":{\"runbook\":\"db\"},"
                + "\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[{\"status\":\"" + status + "\","
                + "\"labels\":{\"alertname\":\"" + name
                + "\",\"instance\":\"db1\"},\"annotations\":{\"summary\":\"down\"},"
                + "\"startsAt\":\"2026-01-01T10:00:00Z\",\"endsAt\":\""
                + (status.equals("resolved") ? "2026-01-01T10:05:00Z" : "0001-01-01T00:00:00Z")
                + "\",\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"abc\"}]}";
    }

    @Test
    void firingThenResolved() {
        Integrations.Created am = integration(IntegrationType.ALERTMANAGER);
        String name = "DatabaseDown" + unique();
        String path = "/api/v1/integrations/" + am.key() + "/alertmanager";
        assertThat(postJson(path, webhook("firing", name)).statusCode()).isEqualTo(200);
        assertThat(postJson(path, webhook("firing", name)).statusCode()).isEqualTo(200);
        String fingerprint = Fingerprints.hex(Map.of("alertname", name, "instance", "db1"));
        Alert alert = alerts.findByFingerprint(fingerprint).orElseThrow();
        assertThat(alert.receiveCount()).isEqualTo(2);
        assertThat(alert.annotations()).containsEntry("summary", "down").containsEntry("runbook", "db");
        assertThat(alert.endsAt()).isNull();
        assertThat(postJson(path, webhook("resolved", name)).statusCode()).isEqualTo(200);
        assertThat(alerts.findByFingerprint(fingerprint).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(stored(am.integration().id())).isEqualTo(1);
    }

    @Test
    void badWebhooksStoreNothing() {
        Integrations.Created am = integration(IntegrationType.ALERTMANAGER);
        String path = "/api/v1/integrations/" + am.key() + "/alertmanager";
        assertThat(postJson("/api/v1/integrations/wrong/alertmanager", webhook("firing", "x"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(postJson(path, "{\"version\":\"3\",\"alerts\":[]}").body()).contains("version");
        assertThat(postJson(path, "{\"alerts\":[{\"status\":\"pending\",\"labels\":{\"a\":\"b\"}}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postJson(path, "{\"alerts\":{}}").statusCode()).isEqualTo(400);
        assertThat(postJson(path, "{").statusCode()).isEqualTo(400);
        assertThat(stored(am.integration().id())).isZero();
    }

    /** Session 7's attack: NUL in labels was stored, {"labels":5} lost the labels, duplicate keys passed. */
    @Test
    void controlCharactersWrongTypesAndDuplicateKeys_areRefusedNamingTheField() {
        Integrations.Created am = integration(IntegrationType.ALERTMANAGER);
        String path = "/api/v1/integrations/" + am.key() + "/alertmanager";
        HttpResponse<String> nul = postJson(path, webhook("firing", "Nul\\u0000Name"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("control character", "U+0000");
        assertThat(postJson(path, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"b\",\"a\":\"c\"}}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(stored(am.integration().id())).isZero();

        Integrations.Created generic = integrations.create(
                "generic-" + unique(), IntegrationType.GENERIC, null, null, "{\"title\":\"/t\",\"labels\":\"/tags\"}");
        String genericPath = "/api/v1/integrations/" + generic.key() + "/generic";
        HttpResponse<String> five = postJson(genericPath, "{\"t\":\"Disk full\",\"tags\":5}");
        assertThat(five.statusCode()).isEqualTo(400);
        assertThat(five.body()).contains("/tags", "must be a JSON object");
        assertThat(postJson(genericPath, "{\"t\":\"Disk full\",\"tags\":{\"host\":\"db\\u0007\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(stored(generic.integration().id())).isZero();
    }

    @Test
    void genericWebhookFollowsItsMapping() {
        String mapping = "{\"title\":\"/check/name\",\"severity\":\"/level\",\"dedupKey\":\"/id\","
                + "\"labels\":{\"service\":\"/svc\",\"region\":\"/where/region\"},"
                + "\"resolve\":{\"pointer\":\"/state\",\"value\":\"ok\"}}";
        Integrations.Created generic =
                integrations.create("generic-" + unique(), IntegrationType.GENERIC, null, null, mapping);
        String path = "/api/v1/integrations/" + generic.key() + "/generic";
        String id = "chk-" + unique();
        String body = "{\"id\":\"" + id + "\",\"check\":{\"name\":\"Checkout slow\"},\"level\":\"warning\","
                + "\"svc\":\"checkout\",\"where\":{\"region\":\"eu\"},\"state\":\"failing\"}";
        assertThat(postJson(path, body).statusCode()).isEqualTo(202);
        String fingerprint = Fingerprints.ofDedupKey(generic.integration().id(), id);
        Alert alert = alerts.findByFingerprint(fingerprint).orElseThrow();
        assertThat(alert.labels())
                .containsEntry("alertname", "Checkout slow")
                .containsEntry("severity", "warning")
                .containsEntry("service", "checkout")
                .containsEntry("region", "eu");
        assertThat(postJson(path, body.replace("failing", "ok")).statusCode()).isEqualTo(202);
        assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(postJson(path, "{\"id\":\"x\"}").body()).contains("no title at /check/name");
        assertThat(stored(generic.integration().id())).isEqualTo(1);
    }
}
