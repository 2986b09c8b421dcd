package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.internal.routing.GroupFlusher;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Group timing, silences, maintenance windows and inhibition, with a moved clock and direct flushes. */
@Tag("database")
@RecordApplicationEvents
class AlertGroupingIT extends ServerTest {
    /** Other test classes share the database and expect the built-in routing. */
    @org.junit.jupiter.api.AfterEach
    void restoreDefaultRouting() {
        // This context's clock runs hours ahead; on the shared PostgreSQL database its flusher lease
        // would hold other contexts' flushers off until their clocks catch up.
        jdbc.sql("update routing_leases set lease_until = null, lease_owner = null where name = 'flusher'")
                .update();
        send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + tokenFor(dev.firebreak.platform.security.Role.ADMIN))
                .header("Content-Type", "application/yaml")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("route:\n  group_by: [alertname]\n")));
    }

    private static final AtomicLong IDS = new AtomicLong(1_000_000);
    static final String YAML = """
            route:
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
              routes:
                - matchers: [team="payments"]
                  service: payments
                  escalation_policy: payments-oncall
                  severity: SEV-2
                  runbook: payments-down
                  continue: true
                - matchers: [team=~"pay.*"]
                  receiver: finance
                  group_by: [alertname, instance]
            inhibit_rules:
              - source_matchers: [alertname="NodeDown"]
                target_matchers: [severity!="critical"]
                equal: [instance]
            """;

    @DynamicPropertySource
    static void manualFlush(DynamicPropertyRegistry registry) {
        // The test flushes by hand; a background flush would publish on another thread.
        registry.add("firebreak.alerts.flush-check", () -> "1h");
        registry.add("firebreak.alerts.flush-at-once", () -> "false");
    }

    @Autowired
    ApplicationEvents events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    GroupFlusher flusher;

    @Autowired
    Silences silences;

    @Autowired
    MaintenanceWindows maintenance;

    @BeforeEach
    void routing() {
        // Routes name existing policies only (the route check); this one pages the admin.
        var policy = send(
                HttpRequest.newBuilder(uri("/api/v1/escalation-policies/payments-oncall"))
                        .header("Authorization", "Bearer " + tokenFor(Role.ADMIN))
                        .header("Content-Type", "application/json")
                        .PUT(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"tiers\":[{\"steps\":[{\"delay\":\"5m\",\"targets\":[{\"kind\":\"user\",\"name\":\"admin\"}]}]}]}")));
        assertThat(policy.statusCode()).as(policy.body()).isIn(200, 201);
        var put = send(HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + tokenFor(Role.ADMIN))
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(YAML)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @Test
    void groupWaitThenGroupIntervalThenRepeatThenResolve() {
        String name = unique("Latency");
        Alert a = alert(Map.of("alertname", name, "instance", "a"));
        publisher.publishEvent(new AlertReceived(a, true));
        flush();
        assertThat(firing(name)).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).singleElement().satisfies(g -> {
            assertThat(g.alerts()).extracting(Alert::fingerprint).containsExactly(a.fingerprint());
            assertThat(g.groupLabels()).isEqualTo(Map.of("alertname", name));
            assertThat(g.service()).isNull();
        });

        Alert b = alert(Map.of("alertname", name, "instance", "b"));
        publisher.publishEvent(new AlertReceived(b, true));
        clock.advance(Duration.ofMinutes(1));
        flush();
        assertThat(firing(name)).hasSize(1); // waits for the group_interval tick

        clock.advance(Duration.ofMinutes(4));
        flush();
        assertThat(firing(name)).hasSize(2);
        assertThat(firing(name).getLast().alerts()).hasSize(2);

        // Nothing changed: ticks pass quietly until repeat_interval.
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofMinutes(5));
            flush();
        }
        assertThat(firing(name)).hasSize(2);
        clock.advance(Duration.ofMinutes(5));
        flush();
        assertThat(firing(name)).hasSize(3);

        publisher.publishEvent(new AlertResolved(resolved(a)));
        flush();
        assertThat(resolvedEvents(name)).isEmpty(); // b still fires: the group waits for its tick
        publisher.publishEvent(new AlertResolved(resolved(b)));
        // The last alert resolved: the group resolves at once, not at the next group_interval tick.
        flush();
        assertThat(resolvedEvents(name)).singleElement().satisfies(g -> assertThat(g.alerts())
                .hasSize(2));
        clock.advance(Duration.ofMinutes(5));
        flush();
        assertThat(resolvedEvents(name)).hasSize(1);
        clock.advance(Duration.ofHours(2));
        flush();
        assertThat(firing(name)).hasSize(3);
        assertThat(resolvedEvents(name)).hasSize(1);
    }

    @Test
    void groupsDueTogether_fireAsOneBatch() {
        String prefix = unique("Burst");
        List<String> names = List.of(prefix + "A", prefix + "B", prefix + "C");
        names.forEach(n -> publisher.publishEvent(new AlertReceived(alert(Map.of("alertname", n)), true)));
        clock.advance(Duration.ofSeconds(30));
        flush();
        // One hand-off for the flush (decision 0005), each group's firing in it once.
        assertThat(events.stream(AlertGroupsFiring.class).filter(batch -> batch.firings().stream()
                        .anyMatch(f -> f.group().groupLabels().get("alertname").startsWith(prefix))))
                .singleElement()
                .satisfies(batch -> assertThat(batch.firings())
                        .extracting(f -> f.group().groupLabels().get("alertname"))
                        .filteredOn(n -> n.startsWith(prefix))
                        .containsExactlyInAnyOrderElementsOf(names));
    }

    @Test
    void continueFiresEveryMatchingRouteWithItsDecisions() {
        String name = unique("PaymentsDown");
        publisher.publishEvent(
                new AlertReceived(alert(Map.of("alertname", name, "team", "payments", "instance", "p1")), true));
        clock.advance(Duration.ofSeconds(30));
        flush();
        List<AlertGroup> groups = firing(name);
        assertThat(groups).extracting(AlertGroup::route).containsExactlyInAnyOrder("route 0.0", "finance");
        AlertGroup payments = groups.stream()
                .filter(g -> g.route().equals("route 0.0"))
                .findFirst()
                .orElseThrow();
        assertThat(payments.service()).isEqualTo("payments");
        assertThat(payments.escalationPolicy()).isEqualTo("payments-oncall");
        assertThat(payments.severity()).isEqualTo("SEV-2");
        assertThat(payments.runbook()).isEqualTo("payments-down");
        AlertGroup finance = groups.stream()
                .filter(g -> g.route().equals("finance"))
                .findFirst()
                .orElseThrow();
        assertThat(finance.groupLabels()).isEqualTo(Map.of("alertname", name, "instance", "p1"));
    }

    @Test
    void aSilencedAlertDoesNotFireUntilTheSilenceExpires() {
        String name = unique("Noisy");
        Silence silence = silences.create(
                List.of(AlertMatcher.parse("alertname=\"" + name + "\"")),
                null,
                clock.instant().plus(Duration.ofHours(2)),
                "test",
                "known noise");
        assertThat(silence.state()).isEqualTo(SilenceState.ACTIVE);
        publisher.publishEvent(new AlertReceived(alert(Map.of("alertname", name)), true));
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).isEmpty();

        assertThat(silences.expire(silence.id()).state()).isEqualTo(SilenceState.EXPIRED);
        clock.advance(Duration.ofMinutes(5));
        flush();
        assertThat(firing(name)).hasSize(1);
    }

    @Test
    void aPendingSilenceMutesOnlyFromItsStart() {
        String name = unique("Later");
        Silence pending = silences.create(
                List.of(AlertMatcher.parse("alertname=\"" + name + "\"")),
                clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofHours(2)),
                "test",
                "planned");
        assertThat(pending.state()).isEqualTo(SilenceState.PENDING);
        publisher.publishEvent(new AlertReceived(alert(Map.of("alertname", name)), true));
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).hasSize(1);
    }

    @Test
    void maintenanceOfTheRoutedServiceMutesIt() {
        String name = unique("Deploy");
        MaintenanceWindow window =
                maintenance.create("payments", null, clock.instant().plus(Duration.ofHours(1)), "test", "upgrade");
        try {
            publisher.publishEvent(new AlertReceived(alert(Map.of("alertname", name, "team", "payments")), true));
            clock.advance(Duration.ofSeconds(30));
            flush();
            // The payments route is in maintenance; the finance route has no service and fires.
            assertThat(firing(name)).extracting(AlertGroup::route).containsExactly("finance");
        } finally {
            maintenance.end(window.id());
        }
    }

    @Test
    void aFiringSourceInhibitsTargetsOnTheSameInstance() {
        String name = unique("HighLoad");
        String instance = unique("node");
        publisher.publishEvent(new AlertReceived(alert(Map.of("alertname", "NodeDown", "instance", instance)), true));
        publisher.publishEvent(
                new AlertReceived(alert(Map.of("alertname", name, "instance", instance, "severity", "warning")), true));
        publisher.publishEvent(new AlertReceived(
                alert(Map.of("alertname", name + "Crit", "instance", instance, "severity", "critical")), true));
        publisher.publishEvent(new AlertReceived(
                alert(Map.of("alertname", name + "Elsewhere", "instance", "other-" + instance)), true));
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).isEmpty();
        assertThat(firing(name + "Crit")).hasSize(1);
        assertThat(firing(name + "Elsewhere")).hasSize(1);
    }

    @Autowired
    Integrations integrations;

    @Test
    void alertsPostedToTheIntakeGroupAndFire() {
        String name = unique("Intake");
        String key = integrations
                .create("prometheus-" + unique(""), IntegrationType.PROMETHEUS, 10_000, 10_000, null)
                .key();
        String body = "[{\"labels\": {\"alertname\": \"" + name + "\", \"team\": \"payments\", \"instance\": \"i1\"}},"
                + " {\"labels\": {\"alertname\": \"" + name + "\", \"team\": \"payments\", \"instance\": \"i2\"}}]";
        var answer = send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        flush();
        AlertGroup payments = firing(name).stream()
                .filter(g -> g.service() != null)
                .findFirst()
                .orElseThrow();
        assertThat(payments.alerts()).hasSize(2);
        assertThat(payments.alerts()).allSatisfy(a -> assertThat(a.id()).isPositive());
        assertThat(firing(name))
                .extracting(AlertGroup::route)
                .containsExactlyInAnyOrder("route 0.0", "finance", "finance");
    }

    private String intakeKey;

    private void post(String name, String instance, String summary, String extra) {
        if (intakeKey == null) {
            intakeKey = integrations
                    .create("prometheus-" + unique(""), IntegrationType.PROMETHEUS, 10_000, 10_000, null)
                    .key();
        }
        String body = "[{\"labels\": {\"alertname\": \"" + name + "\", \"instance\": \"" + instance + "\"},"
                + " \"annotations\": {\"summary\": \"" + summary + "\"}" + extra + "}]";
        var answer = send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                .header("Authorization", "Bearer " + intakeKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        fabricated.add(
                dev.firebreak.alert.internal.intake.Fingerprints.hex(Map.of("alertname", name, "instance", instance)));
    }

    /** The member row of the alert's only group: firing, alert_json, updated_at. */
    private Map<String, Object> member(String name, String instance) {
        return jdbc.sql("select firing, alert_json, updated_at from alert_group_members where fingerprint = ?")
                .param(dev.firebreak.alert.internal.intake.Fingerprints.hex(
                        Map.of("alertname", name, "instance", instance)))
                .query()
                .singleRow();
    }

    @Test
    void anUnchangedRefreshLeavesTheMemberRowAndAChangedAnnotationRewritesIt() {
        String name = unique("Steady");
        post(name, "i1", "slow", "");
        Map<String, Object> first = member(name, "i1");
        assertThat(first.get("firing")).isEqualTo(true);

        clock.advance(Duration.ofSeconds(10));
        post(name, "i1", "slow", "");
        assertThat(alerts.findByFingerprint(dev.firebreak.alert.internal.intake.Fingerprints.hex(
                                Map.of("alertname", name, "instance", "i1")))
                        .orElseThrow()
                        .receiveCount())
                .isEqualTo(2);
        assertThat(member(name, "i1")).isEqualTo(first);

        clock.advance(Duration.ofSeconds(10));
        post(name, "i1", "slower", "");
        Map<String, Object> changed = member(name, "i1");
        assertThat((String) changed.get("alert_json")).contains("slower").contains("\"receiveCount\":3");
        assertThat(changed.get("updated_at")).isNotEqualTo(first.get("updated_at"));

        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).singleElement().satisfies(g -> assertThat(g.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.annotations()).containsEntry("summary", "slower")));
    }

    @Test
    void anAlertFiringAgainAfterItsResolveLandsInItsGroup() {
        String name = unique("Flapping");
        String past = ", \"endsAt\": \"" + clock.instant().minusSeconds(5) + "\"";
        post(name, "i1", "down", "");
        long firstId = alertId(name);
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firedAlertIds(name)).containsExactly(firstId);

        // Resolved and firing again before the next flush: the member row now holds the new alert.
        post(name, "i1", "down", past);
        assertThat(member(name, "i1").get("firing")).isEqualTo(false);
        post(name, "i1", "down", "");
        long secondId = alertId(name);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(member(name, "i1").get("firing")).isEqualTo(true);
        assertThat((String) member(name, "i1").get("alert_json")).contains("\"id\":" + secondId + ",");

        // Resolved and flushed: the group is gone, and firing again builds it anew.
        String later = ", \"endsAt\": \"" + clock.instant().minusSeconds(1) + "\"";
        post(name, "i1", "down", later);
        clock.advance(Duration.ofMinutes(5));
        flush();
        assertThat(resolvedEvents(name)).hasSize(1);
        post(name, "i1", "down", "");
        long thirdId = alertId(name);
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firedAlertIds(name)).containsExactly(firstId, thirdId);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void oneAlertThatCannotBeGroupedLeavesTheOthersOfItsTransactionGrouped() {
        String name = unique("Mixed");
        Alert good = alert(Map.of("alertname", name, "instance", "good"));
        Alert bad = alert(Map.of("alertname", name, "instance", "bad"));
        // Longer than the member table's fingerprint column: its write fails, and so the batch.
        Alert broken = copy(bad, bad.id(), "x".repeat(300), AlertStatus.FIRING);
        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new AlertReceived(good, true));
            publisher.publishEvent(new AlertReceived(broken, true));
        });
        clock.advance(Duration.ofSeconds(30));
        flush();
        assertThat(firing(name)).singleElement().satisfies(g -> assertThat(g.alerts())
                .extracting(Alert::fingerprint)
                .containsExactly(good.fingerprint()));
    }

    @Test
    void changesOfOneTransactionApplyInTheirOrder() {
        String name = unique("InOrder");
        Alert first = alert(Map.of("alertname", name));
        Alert again = copy(first, IDS.incrementAndGet(), first.fingerprint(), AlertStatus.FIRING);
        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new AlertReceived(first, true));
            publisher.publishEvent(new AlertResolved(resolved(first)));
            publisher.publishEvent(new AlertReceived(again, true));
        });
        assertThat(memberOf(first.fingerprint()).get("firing")).isEqualTo(true);
        assertThat((String) memberOf(first.fingerprint()).get("alert_json")).contains("\"id\":" + again.id() + ",");

        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new AlertReceived(again, false));
            publisher.publishEvent(new AlertResolved(resolved(again)));
        });
        assertThat(memberOf(first.fingerprint()).get("firing")).isEqualTo(false);
    }

    private Map<String, Object> memberOf(String fingerprint) {
        return jdbc.sql("select firing, alert_json from alert_group_members where fingerprint = ?")
                .param(fingerprint)
                .query()
                .singleRow();
    }

    private static Alert copy(Alert a, long id, String fingerprint, AlertStatus status) {
        return new Alert(
                id,
                fingerprint,
                a.integrationId(),
                a.dedupKey(),
                a.labels(),
                a.annotations(),
                status,
                a.startsAt(),
                a.endsAt(),
                a.generatorUrl(),
                a.receiveCount(),
                a.firstReceivedAt(),
                a.lastReceivedAt());
    }

    private long alertId(String name) {
        return alerts.findByFingerprint(dev.firebreak.alert.internal.intake.Fingerprints.hex(
                        Map.of("alertname", name, "instance", "i1")))
                .orElseThrow()
                .id();
    }

    private List<Long> firedAlertIds(String name) {
        return firing(name).stream()
                .flatMap(g -> g.alerts().stream())
                .map(Alert::id)
                .toList();
    }

    @Autowired
    Alerts alerts;

    private void flush() {
        flusher.flushDue();
    }

    private List<AlertGroup> firing(String name) {
        return events.stream(AlertGroupsFiring.class)
                .flatMap(batch -> batch.firings().stream())
                .map(AlertGroupFiring::group)
                .filter(g -> name.equals(g.groupLabels().get("alertname")))
                .toList();
    }

    private List<AlertGroup> resolvedEvents(String name) {
        return events.stream(AlertGroupResolved.class)
                .map(AlertGroupResolved::group)
                .filter(g -> name.equals(g.groupLabels().get("alertname")))
                .toList();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Groups of fabricated alerts would otherwise fire later in other test contexts that share the database. */
    @org.junit.jupiter.api.AfterEach
    void forgetGroups() {
        for (String fingerprint : fabricated) {
            jdbc.sql("delete from alert_groups where id in"
                            + " (select group_id from alert_group_members where fingerprint = ?)")
                    .param(fingerprint)
                    .update();
        }
        fabricated.clear();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final List<String> fabricated = new java.util.ArrayList<>();

    Alert alert(Map<String, String> labels) {
        Instant now = clock.instant();
        String fingerprint = UUID.randomUUID().toString();
        fabricated.add(fingerprint);
        return new Alert(
                IDS.incrementAndGet(),
                fingerprint,
                0,
                null,
                labels,
                Map.of(),
                AlertStatus.FIRING,
                now,
                null,
                null,
                1,
                now,
                now);
    }

    Alert resolved(Alert alert) {
        return new Alert(
                alert.id(),
                alert.fingerprint(),
                0,
                null,
                alert.labels(),
                alert.annotations(),
                AlertStatus.RESOLVED,
                alert.startsAt(),
                clock.instant(),
                null,
                1,
                alert.firstReceivedAt(),
                clock.instant());
    }
}
