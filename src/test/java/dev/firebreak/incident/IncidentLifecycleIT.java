package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertAcknowledged;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents follow alert groups: open, update, acknowledge, resolve, auto-resolve and reopen. */
@Tag("database")
class IncidentLifecycleIT extends ServerTest {

    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    @Autowired
    JdbcClient jdbc;

    AlertGroups groups;

    @BeforeEach
    void setUp() {
        groups = alertGroups();
    }

    @Test
    void opensUpdatesAcknowledgesAndAutoResolves() {
        String key = AlertGroups.key();
        Alert first = AlertGroups.alert("DiskFull", Map.of("severity", "warning"), clock.instant());
        groups.fire(AlertGroups.group(key, null, null, List.of(first)));
        Incident opened = only(key);
        assertThat(opened.state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(opened.title()).isEqualTo("DiskFull is firing");
        assertThat(opened.severity().name()).isEqualTo("P3");
        assertThat(opened.severity().responseTargetSeconds()).isEqualTo(14400L);

        Alert second = AlertGroups.alert("DiskFull", Map.of("severity", "critical", "host", "b"), clock.instant());
        groups.fire(AlertGroups.group(key, null, null, List.of(first, second)));
        IncidentDetails updated = incidents.details(opened.id());
        assertThat(only(key).id()).isEqualTo(opened.id());
        assertThat(updated.alerts()).hasSize(2);
        assertThat(updated.timeline().stream().filter(e -> e.kind() == TimelineKind.ALERT))
                .hasSize(2);

        clock.advance(Duration.ofMinutes(3));
        incidents.acknowledge(opened.id(), "alice");
        Incident acked = incidents.get(opened.id());
        assertThat(acked.state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("alice");
        assertThat(acked.responseStatus(clock.instant())).isEqualTo("met");

        groups.resolve(AlertGroups.group(key, null, null, List.of(first, second)));
        IncidentDetails resolved = incidents.details(opened.id());
        assertThat(resolved.incident().state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(resolved.alerts()).allMatch(a -> a.status() == dev.firebreak.alert.AlertStatus.RESOLVED);
        assertThat(resolved.timeline().getLast().text()).contains("all alerts resolved");
    }

    @Test
    void reopensWithinTheWindowAndOpensANewIncidentAfterIt() {
        String key = AlertGroups.key();
        AlertGroup group = AlertGroups.group(
                key, "critical", null, List.of(AlertGroups.alert("Latency", Map.of(), clock.instant())));
        groups.fire(group);
        long id = only(key).id();
        groups.resolve(group);

        clock.advance(Duration.ofMinutes(30));
        groups.fire(group);
        Incident reopened = incidents.get(id);
        assertThat(reopened.state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(incidents.details(id).timeline()).anyMatch(e -> e.text().startsWith("reopened"));

        groups.resolve(group);
        clock.advance(Duration.ofMinutes(61));
        groups.fire(group);
        List<Incident> all = incidents.list(new IncidentQuery(null, null, key, 10));
        assertThat(all).hasSize(2);
        assertThat(all.getFirst().id()).isNotEqualTo(id);
        assertThat(all.getFirst().state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(incidents.get(id).state()).isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void senderAcknowledgementAcknowledgesTheIncident() {
        String key = AlertGroups.key();
        // A made-up name: a runbook another test stored (e.g. one for QueueBacklog) must not attach.
        String name = "Backlog" + UUID.randomUUID().toString().substring(0, 8);
        Alert alert = AlertGroups.alert(name, Map.of("severity", "error"), clock.instant(), name);
        groups.fire(AlertGroups.group(key, null, null, List.of(alert)));
        groups.publish(new AlertAcknowledged(alert, "pagerduty"), alert.fingerprint());
        Incident incident = only(key);
        assertThat(incident.state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo("pagerduty");
        assertThat(incident.severity().name()).isEqualTo("P2");
    }

    @Test
    void attachesTheRunbookForTheAlertNameAndUsesItsSeverityScheme() {
        String name = "Checkout" + UUID.randomUUID().toString().substring(0, 8);
        String markdown = "# " + name + "\n\nWhen " + name + " fires, restart the checkout workers.\n\n"
                + "## Severity levels\n\n| Severity | Description | Response Time |\n|---|---|---|\n"
                + "| **SEV-1 - Critical** | Outage | 15 minutes |\n| **SEV-2 - High** | Degraded | 1 hour |\n"
                + "| **SEV-3 - Medium** | Minor | 4 hours |\n\n## Fix\n\n```bash\nkubectl rollout restart deploy/checkout\n```\n";
        String slug = name.toLowerCase();
        library.put(slug, (slug + ".md"), markdown.getBytes(StandardCharsets.UTF_8), "test", "api");
        String key = AlertGroups.key();
        groups.fire(AlertGroups.group(
                key, null, null, List.of(AlertGroups.alert(name, Map.of("severity", "critical"), clock.instant()))));
        Incident incident = only(key);
        assertThat(incident.runbookSlug()).isEqualTo(slug);
        assertThat(incident.severity().name()).isEqualTo("SEV-1");
        assertThat(incident.severity().responseTarget()).isEqualTo("15 minutes");
        assertThat(incidents.details(incident.id()).timeline())
                .anyMatch(e -> e.detail() instanceof TimelineDetail.RunbookAttached r
                        && r.slug().equals(slug)
                        && r.reason().equals("title \"" + name + "\" names " + name));
        // The incident page says why this runbook is beside it.
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(viewer, "password-123456", Role.VIEWER, null, null);
        assertThat(getPage(login(viewer, "password-123456"), "/incidents/" + incident.id())
                        .body())
                .contains("Why this runbook: title &quot;" + name + "&quot; names " + name);
    }

    @Test
    void anAlertNamedAfterARuleWrittenInWordsAttachesThatRunbook() throws Exception {
        // Seed 004 lists its alert rules as "No Active Workers", "Queue Backlog", ...; Prometheus
        // sends alertname=NoActiveWorkers.
        byte[] seed = new org.springframework.core.io.ClassPathResource("demo/runbooks/metamorphic-guard-operations.md")
                .getInputStream()
                .readAllBytes();
        String slug = "metamorphic-guard-" + UUID.randomUUID().toString().substring(0, 8);
        library.put(slug, slug + ".md", seed, "test", "api");
        String key = AlertGroups.key();
        groups.fire(AlertGroups.group(
                key,
                null,
                null,
                List.of(AlertGroups.alert("NoActiveWorkers", Map.of("severity", "critical"), clock.instant(), "zq"))));
        Incident incident = only(key);
        assertThat(incident.runbookSlug()).startsWith("metamorphic-guard");
        assertThat(incidents.details(incident.id()).runbookReason())
                .isEqualTo("alert rule \"No Active Workers\" names NoActiveWorkers");
    }

    @Test
    void aRunbookThatOnlyMentionsTheSummarysWordsInItsBodyIsNotAttached() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        // slugs without the word: a runbook's file name counts as one of its alert names
        String unrelated = "printer-" + UUID.randomUUID().toString().substring(0, 8);
        library.put(
                unrelated,
                unrelated + ".md",
                ("# Printer jams\n\nIf the " + word + " light is on, open the tray.\n")
                        .getBytes(StandardCharsets.UTF_8),
                "test",
                "api");
        String name = "Made" + UUID.randomUUID().toString().substring(0, 8);
        String weak = AlertGroups.key();
        groups.fire(AlertGroups.group(
                weak,
                null,
                null,
                List.of(AlertGroups.alert(name, Map.of(), clock.instant(), "the " + word + " is on"))));
        assertThat(only(weak).runbookSlug()).isNull();

        String titled = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        library.put(
                titled,
                titled + ".md",
                ("# " + word + " outage\n\nRestart it.\n").getBytes(StandardCharsets.UTF_8),
                "test",
                "api");
        String strong = AlertGroups.key();
        groups.fire(AlertGroups.group(
                strong,
                null,
                null,
                List.of(AlertGroups.alert(name, Map.of(), clock.instant(), "the " + word + " is on"))));
        assertThat(only(strong).runbookSlug()).isEqualTo(titled);
    }

    @Test
    void everyPersonActionIsOnTheTimelineWithWho() {
        String key = AlertGroups.key();
        groups.fire(
                AlertGroups.group(key, "P2", null, List.of(AlertGroups.alert("Errors", Map.of(), clock.instant()))));
        long id = only(key).id();
        String responder = accounts.create(
                        "bob-" + UUID.randomUUID().toString().substring(0, 6),
                        "password-123456",
                        Role.RESPONDER,
                        null,
                        null)
                .username();
        incidents.note(id, "alice", "looking at the dashboards");
        incidents.assignRole(id, "alice", "commander", responder);
        incidents.assignRole(id, "alice", "scribe", responder);
        incidents.changeSeverity(id, "alice", "p1");
        incidents.escalate(id, "alice", "need the database team");
        incidents.acknowledge(id, responder);
        incidents.resolve(id, responder);
        List<TimelineEntry> mine = incidents.details(id).timeline().stream()
                .filter(e -> !e.actor().equals("firebreak"))
                .toList();
        assertThat(mine)
                .extracting(TimelineEntry::kind)
                .containsExactly(
                        TimelineKind.NOTE,
                        TimelineKind.ROLE,
                        TimelineKind.ROLE,
                        TimelineKind.SEVERITY,
                        TimelineKind.ESCALATION,
                        TimelineKind.STATE,
                        TimelineKind.STATE);
        assertThat(mine).allMatch(e -> e.at() != null);
        assertThat(mine.get(1).text()).isEqualTo(responder + " is incident commander");
        assertThat(mine.getLast().actor()).isEqualTo(responder);
        Incident done = incidents.get(id);
        assertThat(done.commander()).isEqualTo(responder);
        assertThat(done.severity().name()).isEqualTo("P1");
    }

    @Test
    void aRouteNamingARunbookThatIsGoneStillOpensTheIncident() {
        String name = "Gone" + UUID.randomUUID().toString().substring(0, 8);
        String key = AlertGroups.key();
        groups.fire(AlertGroups.group(
                key,
                "critical",
                "no-such-runbook-" + name.toLowerCase(),
                List.of(AlertGroups.alert(name, Map.of(), clock.instant(), name))));
        Incident incident = only(key);
        assertThat(incident.runbookSlug()).isNull();
        assertThat(incident.severity().name()).isEqualTo("P1");
    }

    @Test
    void aReopenedIncidentKeepsEveryCycle() {
        String key = AlertGroups.key();
        AlertGroup group = AlertGroups.group(
                key, "P2", null, List.of(AlertGroups.alert("Cycles", Map.of(), clock.instant(), "zqcycles")));
        groups.fire(group);
        long id = only(key).id();
        clock.advance(Duration.ofMinutes(3));
        incidents.acknowledge(id, "alice");
        clock.advance(Duration.ofMinutes(7));
        groups.resolve(group);

        clock.advance(Duration.ofMinutes(20));
        groups.fire(group);
        clock.advance(Duration.ofMinutes(1));
        incidents.acknowledge(id, "bob");
        clock.advance(Duration.ofMinutes(4));
        incidents.resolve(id, "bob");

        List<IncidentCycle> cycles = incidents.details(id).cycles();
        assertThat(cycles).extracting(IncidentCycle::cycle).containsExactly(1, 2);
        assertThat(cycles.get(0).timeToAcknowledge()).isEqualTo(Duration.ofMinutes(3));
        assertThat(cycles.get(0).timeToResolve()).isEqualTo(Duration.ofMinutes(10));
        assertThat(cycles.get(0).acknowledgedBy()).isEqualTo("alice");
        assertThat(cycles.get(0).resolvedBy()).isEqualTo("firebreak");
        assertThat(cycles.get(1).timeToAcknowledge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cycles.get(1).timeToResolve()).isEqualTo(Duration.ofMinutes(5));
        assertThat(cycles.get(1).acknowledgedBy()).isEqualTo("bob");
        assertThat(incidents.details(id).timeline())
                .filteredOn(e -> e.detail() instanceof TimelineDetail.StateChange)
                .extracting(e -> ((TimelineDetail.StateChange) e.detail()).cause())
                .containsExactly(
                        TimelineDetail.StateChange.Cause.OPENED,
                        TimelineDetail.StateChange.Cause.ACKNOWLEDGED,
                        TimelineDetail.StateChange.Cause.AUTO_RESOLVED,
                        TimelineDetail.StateChange.Cause.REOPENED,
                        TimelineDetail.StateChange.Cause.ACKNOWLEDGED,
                        TimelineDetail.StateChange.Cause.RESOLVED);
    }

    @Test
    void aRepeatedOrLateGroupEventChangesNothing() {
        String key = AlertGroups.key();
        AlertGroup group = AlertGroups.group(
                key, "P2", null, List.of(AlertGroups.alert("Twice", Map.of(), clock.instant(), "zqtwice")));
        java.time.Instant firedAt = AlertGroups.next();
        groups.publish(
                new dev.firebreak.alert.AlertGroupFiring(group, firedAt), key.replaceAll(".*\"([^\"]+)\".*", "$1"));
        long id = only(key).id();
        groups.resolve(group);
        // The same firing delivered again after the resolve (a retry after a crash) must not reopen it.
        groups.publish(
                new dev.firebreak.alert.AlertGroupFiring(group, firedAt), key.replaceAll(".*\"([^\"]+)\".*", "$1"));
        assertThat(incidents.get(id).state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(incidents.details(id).cycles()).hasSize(1);
        assertThat(only(key).id()).isEqualTo(id);
    }

    @Test
    void anAcknowledgeRacingTheAutoResolveNeverLeavesAMixedState() throws Exception {
        for (int round = 0; round < 25; round++) {
            String key = AlertGroups.key();
            AlertGroup group = AlertGroups.group(
                    key, "P2", null, List.of(AlertGroups.alert("Race", Map.of(), clock.instant(), "zqrace")));
            groups.fire(group);
            long id = only(key).id();
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var ack = pool.submit(() -> {
                    start.await();
                    try {
                        incidents.acknowledge(id, "alice");
                        return true;
                    } catch (dev.firebreak.platform.FirebreakException.Conflict e) {
                        return false;
                    }
                });
                var resolve = pool.submit(() -> {
                    start.await();
                    groups.resolve(group);
                    return null;
                });
                start.countDown();
                boolean acknowledged = ack.get();
                resolve.get();
                Incident done = incidents.get(id);
                assertThat(done.state()).as("round %d", round).isEqualTo(IncidentState.RESOLVED);
                assertThat(done.resolvedAt()).isNotNull();
                assertThat(done.acknowledgedAt() != null).as("round %d", round).isEqualTo(acknowledged);
                IncidentCycle cycle = incidents.details(id).cycles().getFirst();
                assertThat(cycle.resolvedAt()).isEqualTo(done.resolvedAt());
                assertThat(cycle.acknowledgedAt()).isEqualTo(done.acknowledgedAt());
            }
        }
    }

    private Incident only(String key) {
        List<Incident> found = incidents.list(new IncidentQuery(null, null, key, 10));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
