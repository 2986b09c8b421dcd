package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-off from a fired alert group to its incident is durable: a database error between the
 * two is retried until the incident opens, once; a poison event waits alone; stuck work is listed.
 */
@Tag("database")
class HandOffIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Incidents incidents;

    @Autowired
    MeterRegistry meters;

    AlertGroups groups;
    String admin;

    @BeforeEach
    void setUp() {
        groups = alertGroups();
        admin = tokenFor(Role.ADMIN);
    }

    @Test
    void aDatabaseErrorBeforeTheIncidentIsWrittenIsRetriedUntilItOpensOnce() {
        String key = AlertGroups.key();
        AlertGroup group = AlertGroups.group(key, "P2", null, List.of(alert("Broken")));
        double failuresBefore = failures();
        // A real database error: the incident's transaction writes its first cycle into a table
        // that is gone, so it rolls back whole, incident row included.
        jdbc.sql("alter table incident_cycles rename to incident_cycles_gone").update();
        try {
            transactions.executeWithoutResult(
                    s -> publisher.publishEvent(new AlertGroupFiring(group, AlertGroups.next())));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(key) >= 1);
            assertThat(incidents.list(new IncidentQuery(null, null, key, 5))).isEmpty();
            assertThat(failures()).isGreaterThan(failuresBefore);
        } finally {
            jdbc.sql("alter table incident_cycles_gone rename to incident_cycles")
                    .update();
        }
        // The retry opens it once its backoff (5 s, doubling) passed on the registry's clock, which is
        // the test's; nothing is left over, and it opened once.
        clock.advance(Duration.ofMinutes(1));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        !incidents.list(new IncidentQuery(null, null, key, 5)).isEmpty() && pending(key) == 0);
        List<Incident> found = incidents.list(new IncidentQuery(null, null, key, 5));
        assertThat(found).hasSize(1);
        assertThat(incidents.details(found.getFirst().id()).alerts()).hasSize(1);
        assertThat(incidents.details(found.getFirst().id()).cycles()).hasSize(1);
    }

    @Test
    void aPoisonEventWaitsAloneAndIsListedAsStuckWork() {
        // A group key the incidents table cannot hold: this event fails on every attempt.
        String poison = "0:{alertname=\"poison-" + java.util.UUID.randomUUID() + "\"," + "x".repeat(2100) + "}";
        transactions.executeWithoutResult(s -> publisher.publishEvent(new AlertGroupFiring(
                AlertGroups.group(poison, null, null, List.of(alert("Poison"))), AlertGroups.next())));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(poison) >= 1);
            String key = AlertGroups.key();
            groups.fire(AlertGroups.group(key, null, null, List.of(alert("Healthy"))));
            assertThat(incidents.list(new IncidentQuery(null, null, key, 5))).hasSize(1);

            JsonNode stuck = JSON.readTree(get("/api/v1/admin/hand-offs", admin).body());
            assertThat(stuck.path("failed").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(stuck.path("items").valueStream())
                    .anyMatch(item -> item.path("event").asString().contains("poison-")
                            && item.path("status").asString().equals("FAILED")
                            && item.path("listener").asString().contains("IncidentLifecycle.onFiring"));
            assertThat(get("/api/v1/admin/hand-offs", tokenFor(Role.RESPONDER)).statusCode())
                    .isEqualTo(403);
            assertThat(get("/api/v1/admin/hand-offs?limit=0", admin).statusCode())
                    .isEqualTo(400);
            assertThat(get("/actuator/prometheus", null).body()).contains("firebreak_events_failed");
        } finally {
            jdbc.sql("delete from event_publication where serialized_event like ?")
                    .param("%poison-%")
                    .update();
        }
    }

    private Alert alert(String name) {
        return AlertGroups.alert(
                name + java.util.UUID.randomUUID().toString().substring(0, 6), Map.of(), clock.instant());
    }

    private double failures() {
        return meters.find("firebreak.events.failures").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private int failedAttempts(String needle) {
        return jdbc.sql("select coalesce(max(completion_attempts), 0) from event_publication"
                        + " where serialized_event like ? and status = 'FAILED'")
                .param("%" + needle.replaceAll(".*\"([^\"]+)\".*", "$1").substring(0, 20) + "%")
                .query(Integer.class)
                .single();
    }

    private long pending(String key) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + key.replaceAll(".*\"([^\"]+)\".*", "$1") + "%")
                .query(Long.class)
                .single();
    }
}
