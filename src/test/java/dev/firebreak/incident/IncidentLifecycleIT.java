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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Incidents follow alert groups: open, update, acknowledge, resolve, auto-resolve and reopen. */
@Tag("database")
class IncidentLifecycleIT extends ServerTest {
    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    AlertGroups groups;

    @BeforeEach
    void setUp() {
        groups = new AlertGroups(publisher, transactions);
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
        assertThat(updated.timeline().stream().filter(e -> e.kind().equals("alert")))
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
        transactions.executeWithoutResult(s -> publisher.publishEvent(new AlertAcknowledged(alert, "pagerduty")));
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
                .anyMatch(e -> e.kind().equals("runbook") && e.text().contains("title \"" + name + "\" names " + name));
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
                .containsExactly("note", "role", "role", "severity", "escalation", "state", "state");
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

    private Incident only(String key) {
        List<Incident> found = incidents.list(new IncidentQuery(null, null, key, 10));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
