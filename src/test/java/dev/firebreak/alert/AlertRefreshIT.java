package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.intake.Fingerprints;
import dev.firebreak.alert.internal.store.ResolveSweeper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Refreshes written from what the node knows about a firing alert, without reading its row, and the
 * fall back to the read path whenever the row is not as the node left it.
 */
@Tag("database")
@Import(AlertRefreshIT.Recorder.class)
class AlertRefreshIT extends IntakeTestSupport {
    /** Records alert events from any thread (the writer publishes on its own). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AlertReceived event) {
            events.add(event);
        }

        @EventListener
        void on(AlertResolved event) {
            events.add(event);
        }

        /** A commit's refreshes come as one event; recorded one per alert, in their order. */
        @EventListener
        void on(AlertsRefreshed event) {
            event.alerts().forEach(alert -> events.add(new AlertReceived(alert, false)));
        }

        <T> List<T> stream(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    ResolveSweeper sweeper;

    @Autowired
    Recorder events;

    private String key;

    private String fire(String body) {
        if (key == null) {
            key = integration(IntegrationType.PROMETHEUS).key();
        }
        var response = post("/api/v2/alerts", "Bearer " + key, "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body;
    }

    private static String alert(String name, String summary, String extra) {
        return "{\"labels\":{\"alertname\":\"" + name + "\",\"job\":\"refresh\"},\"annotations\":{\"summary\":\""
                + summary + "\"},\"generatorURL\":\"http://prometheus:9090/graph\"" + extra + "}";
    }

    private static String fingerprint(String name) {
        return Fingerprints.hex(Map.of("alertname", name, "job", "refresh"));
    }

    private double refreshes(String path) {
        return meters.get("firebreak.alerts.refreshes")
                .tag("path", path)
                .counter()
                .count();
    }

    private Alert firing(String name) {
        Alert alert = alerts.findByFingerprint(fingerprint(name)).orElseThrow();
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        return alert;
    }

    private List<AlertReceived> received(String name) {
        return events.stream(AlertReceived.class).stream()
                .filter(e -> e.alert().fingerprint().equals(fingerprint(name)))
                .toList();
    }

    @Test
    void aRefreshOfAKnownAlertIsServedWithoutReadingAndAnswersAsTheReadPathWould() {
        String name = "Known" + unique();
        fire("[" + alert(name, "slow", "") + "]");
        Alert first = firing(name);
        double known = refreshes("known");
        double read = refreshes("read");

        clock.advance(Duration.ofSeconds(30));
        fire("[" + alert(name, "slow", "") + "]");

        assertThat(refreshes("known") - known).isEqualTo(1);
        assertThat(refreshes("read") - read).isZero();
        Alert stored = firing(name);
        assertThat(stored.id()).isEqualTo(first.id());
        assertThat(stored.receiveCount()).isEqualTo(2);
        assertThat(stored.lastReceivedAt()).isAfter(first.lastReceivedAt());
        // The event carries what a read would have returned: history from the row, content from the request.
        AlertReceived refresh = received(name).getLast();
        assertThat(refresh.isNew()).isFalse();
        assertThat(refresh.alert().id()).isEqualTo(first.id());
        assertThat(refresh.alert().receiveCount()).isEqualTo(2);
        assertThat(refresh.alert().startsAt()).isEqualTo(stored.startsAt());
        assertThat(refresh.alert().firstReceivedAt()).isEqualTo(stored.firstReceivedAt());
        assertThat(refresh.alert().annotations()).containsEntry("summary", "slow");
    }

    @Test
    void aChangedAnnotationIsWrittenByAKnownRefresh() {
        String name = "Changed" + unique();
        fire("[" + alert(name, "slow", "") + "]");
        double known = refreshes("known");
        fire("[" + alert(name, "slower", "") + "]");
        assertThat(refreshes("known") - known).isEqualTo(1);
        assertThat(firing(name).annotations()).containsEntry("summary", "slower");
        assertThat(firing(name).receiveCount()).isEqualTo(2);
    }

    @Test
    void anAlertResolvedBehindTheNodesBackFiresAgainAsANewAlert() {
        String name = "Behind" + unique();
        fire("[" + alert(name, "slow", "") + "]");
        long firstId = firing(name).id();
        // As another node (or an operator) would: the row is resolved without this node's writer.
        jdbc.sql("update alert_receipts set firing = false where alert_id = ?")
                .param(firstId)
                .update();
        jdbc.sql("update alerts set status = 'RESOLVED', firing_fingerprint = null where id = ?")
                .param(firstId)
                .update();
        double read = refreshes("read");

        fire("[" + alert(name, "slow", "") + "]");

        Alert again = firing(name);
        assertThat(again.id()).isNotEqualTo(firstId);
        assertThat(again.receiveCount()).isEqualTo(1);
        assertThat(alerts.find(firstId).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(received(name).getLast().isNew()).isTrue();
        assertThat(refreshes("read") - read).isZero();
        // Known from now on.
        double known = refreshes("known");
        fire("[" + alert(name, "slow", "") + "]");
        assertThat(refreshes("known") - known).isEqualTo(1);
        assertThat(firing(name).receiveCount()).isEqualTo(2);
    }

    @Test
    void anAlertTheSweeperResolvedFiresAgainAsANewAlert() {
        String name = "Swept" + unique();
        Instant start = clock.instant();
        fire("[" + alert(name, "slow", ",\"endsAt\":\"" + start.plus(Duration.ofMinutes(2)) + "\"") + "]");
        long firstId = firing(name).id();
        try {
            clock.advance(Duration.ofMinutes(3));
            assertThat(sweeper.resolveTimedOut()).isPositive();
            assertThat(alerts.find(firstId).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);

            fire("[" + alert(name, "slow", "") + "]");

            Alert again = firing(name);
            assertThat(again.id()).isNotEqualTo(firstId);
            assertThat(received(name).getLast().isNew()).isTrue();
            assertThat(events.stream(AlertResolved.class))
                    .filteredOn(e -> e.alert().id() == firstId)
                    .hasSize(1);
        } finally {
            clock.set(start);
        }
    }

    @Test
    void aRowAnotherNodeRefreshedIsReadAgainAndTheLatestContentWins() {
        String name = "OtherNode" + unique();
        fire("[" + alert(name, "slow", "") + "]");
        // Another node refreshed it with other annotations: its receive count moved on.
        long id = firing(name).id();
        jdbc.sql("update alert_receipts set receive_count = receive_count + 1 where alert_id = ?")
                .param(id)
                .update();
        jdbc.sql("update alerts set annotations_json = ? where id = ?")
                .params("{\"summary\":\"from the other node\"}", id)
                .update();
        double read = refreshes("read");

        fire("[" + alert(name, "slow", "") + "]");

        assertThat(refreshes("read") - read).isEqualTo(1);
        Alert stored = firing(name);
        assertThat(stored.annotations()).containsEntry("summary", "slow");
        assertThat(stored.receiveCount()).isEqualTo(3);
        assertThat(received(name).getLast().alert().receiveCount()).isEqualTo(3);
    }

    @Test
    void repeatsInOneBatchApplyInOrder() {
        String name = "Repeated" + unique();
        fire("[" + alert(name, "slow", "") + "]");
        long firstId = firing(name).id();

        fire("[" + alert(name, "slow", "") + "," + alert(name, "slower", "") + "]");
        assertThat(firing(name).id()).isEqualTo(firstId);
        assertThat(firing(name).receiveCount()).isEqualTo(3);
        assertThat(firing(name).annotations()).containsEntry("summary", "slower");
        assertThat(received(name)).extracting(e -> e.alert().receiveCount()).containsExactly(1, 2, 3);

        // Refresh, resolve, fire again: the last one is a new alert.
        String past = ",\"endsAt\":\"" + clock.instant().minusSeconds(5) + "\"";
        fire("[" + alert(name, "slow", "") + "," + alert(name, "slow", past) + "," + alert(name, "slow", "") + "]");
        assertThat(alerts.find(firstId).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alerts.find(firstId).orElseThrow().receiveCount()).isEqualTo(5);
        Alert again = firing(name);
        assertThat(again.id()).isNotEqualTo(firstId);
        assertThat(again.receiveCount()).isEqualTo(1);
        assertThat(received(name).getLast().isNew()).isTrue();
    }

    @Test
    void newAlertsWrittenTogetherEachGetTheirOwnRow() {
        String a = "NewA" + unique();
        String b = "NewB" + unique();
        String c = "NewC" + unique();
        fire("[" + alert(a, "one", "") + "," + alert(b, "two", "") + "," + alert(c, "three", "") + "]");
        for (String name : List.of(a, b, c)) {
            Alert stored = firing(name);
            assertThat(stored.labels()).containsEntry("alertname", name);
            AlertReceived event = received(name).getLast();
            assertThat(event.isNew()).isTrue();
            assertThat(event.alert().id()).isEqualTo(stored.id());
        }
    }

    @Test
    void anAlertAnotherNodeOpenedIsReadInBulkAndRefreshed() {
        String name = "Elsewhere" + unique();
        long integrationId = integrations.authenticate(keyOrNew()).orElseThrow().id();
        // As another node would have stored it: this node never saw it.
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("insert into alerts (fingerprint, firing_fingerprint, integration_id, labels_json, annotations_json,"
                        + " status, starts_at, first_received_at)"
                        + " values (?, ?, ?, ?, ?, 'FIRING', ?, ?)")
                .params(
                        fingerprint(name),
                        fingerprint(name),
                        integrationId,
                        "{\"alertname\":\"" + name + "\",\"job\":\"refresh\"}",
                        "{\"summary\":\"old\"}",
                        now,
                        now)
                .update();
        long id = jdbc.sql("select id from alerts where firing_fingerprint = ?")
                .param(fingerprint(name))
                .query(Long.class)
                .single();
        jdbc.sql("insert into alert_receipts (alert_id, firing, receive_count, last_received_at)"
                        + " values (?, true, 4, ?)")
                .params(id, now)
                .update();
        double read = refreshes("read");

        fire("[" + alert(name, "new", "") + "]");

        assertThat(refreshes("read") - read).isEqualTo(1);
        Alert stored = firing(name);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.receiveCount()).isEqualTo(5);
        assertThat(stored.annotations()).containsEntry("summary", "new");
        assertThat(received(name).getLast().alert().receiveCount()).isEqualTo(5);
    }

    private String keyOrNew() {
        if (key == null) {
            key = integration(IntegrationType.PROMETHEUS).key();
        }
        return key;
    }
}
