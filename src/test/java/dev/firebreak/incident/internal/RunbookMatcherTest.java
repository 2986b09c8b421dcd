package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.runbook.HitReason;
import dev.firebreak.runbook.MatchedField;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.SearchHit;
import dev.firebreak.runbook.TestSearches;
import dev.firebreak.runbook.internal.search.RunbookIndex;
import dev.firebreak.runbook.internal.search.TestIndexes;
import dev.firebreak.support.SharedData;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the five seed runbooks loaded, alerts attach the runbook that names them, and say why. */
class RunbookMatcherTest {
    private static final String QUEUES = "004-queue-workers";
    private static final AtomicLong IDS = new AtomicLong();

    private static RunbookIndex index;
    private static RunbookSearch search;
    private static RunbookMatcher matcher;

    @BeforeAll
    static void load() {
        index = TestIndexes.seeds();
        search = TestSearches.over(index);
        // no route names a runbook in these tests, so the library is never asked
        matcher = new RunbookMatcher(null, search);
    }

    @AfterAll
    static void close() throws Exception {
        if (index != null) {
            index.destroy();
        }
    }

    @Test
    void everyAlertRuleOfSeed004AttachesItByName() throws Exception {
        byte[] seed = Files.readAllBytes(SharedData.root().resolve("seeds").resolve(TestIndexes.SEEDS.get(QUEUES)));
        List<String> rules = new RunbookParser()
                .parse(QUEUES + ".md", seed, null).alertRules().stream()
                        .map(RunbookModel.AlertRule::name)
                        .toList();
        assertThat(rules)
                .containsExactly(
                        "No Active Workers",
                        "High Requeue Rate",
                        "Queue Backlog",
                        "High Failure Rate",
                        "Worker Resource Usage");
        for (String rule : rules) {
            String alertName = rule.replace(" ", ""); // NoActiveWorkers, as Prometheus sends it
            RunbookMatcher.Match match = matcher.match(group(alert(alertName, Map.of())));
            assertThat(match).as(alertName).isNotNull();
            assertThat(match.slug()).as(alertName).isEqualTo(QUEUES);
            assertThat(match.reason()).isEqualTo("alert rule \"" + rule + "\" names " + alertName);
        }
    }

    @Test
    void snakeAndKebabCaseNamesAttachByTheRuleToo() {
        for (String alertName : List.of("queue_backlog", "queue-backlog", "QUEUE_BACKLOG", "no_active_workers")) {
            RunbookMatcher.Match match = matcher.match(group(alert(alertName, Map.of())));
            assertThat(match).as(alertName).isNotNull();
            assertThat(match.slug()).isEqualTo(QUEUES);
            assertThat(match.reason()).startsWith("alert rule \"").endsWith("\" names " + alertName);
        }
    }

    @Test
    void aHeadingThatSpellsTheNameAttachesWhenNoRuleDoes() {
        RunbookMatcher.Match match = matcher.match(group(alert("WorkersNotProcessingTasks", Map.of())));
        assertThat(match.slug()).isEqualTo(QUEUES);
        assertThat(match.reason())
                .isEqualTo("heading \"Issue: Workers Not Processing Tasks\" names WorkersNotProcessingTasks");
    }

    @Test
    void theSearchListsWhatMatched() {
        SearchHit hit = search.forAlert("QueueBacklog", Map.of(), Map.of(), 5).getFirst();
        assertThat(hit.slug()).isEqualTo(QUEUES);
        // the alert rule "Queue Backlog" and the heading "Issue: Queue Backlog"
        assertThat(hit.matched()).startsWith(MatchedField.ALERT, MatchedField.SECTIONS);
        assertThat(hit.reason().strength()).isEqualTo(HitReason.Strength.ALERT_NAME);
        assertThat(hit.snippet()).containsIgnoringCase("queue backlog");
    }

    @Test
    void aRunbookUrlAttachesTheRunbookItNamesWhenTheNameMatchesNothing() {
        assertThat(matcher.match(group(alert("ZzqFrobnicatorStalled", Map.of()))))
                .isNull();
        for (String url : List.of(
                "https://wiki.example/x/004-queue-workers.md",
                "/runbooks/004-queue-workers",
                "https://wiki.example/runbooks/004-queue-workers/#no-active-workers")) {
            Alert alert = alert("ZzqFrobnicatorStalled", Map.of("runbook_url", url));
            RunbookMatcher.Match match = matcher.match(group(alert));
            assertThat(match).as(url).isNotNull();
            assertThat(match.slug()).isEqualTo(QUEUES);
            assertThat(match.reason()).isEqualTo("runbook_url names 004-queue-workers");
        }
        SearchHit hit = search.forAlert(
                        "ZzqFrobnicatorStalled", Map.of(), Map.of("runbook_url", "/runbooks/004-queue-workers"), 5)
                .getFirst();
        assertThat(hit.matched()).containsExactly(MatchedField.RUNBOOK_URL);
    }

    @Test
    void theAlertNameOutranksTheRunbookUrl() {
        Alert alert = alert("NoActiveWorkers", Map.of("runbook_url", "https://wiki.example/003-hsof-operations"));
        assertThat(matcher.match(group(alert)).slug()).isEqualTo(QUEUES);
        SearchHit both = search.forAlert(
                        "NoActiveWorkers", Map.of(), Map.of("runbook_url", "https://wiki.example/004-queue-workers"), 5)
                .getFirst();
        assertThat(both.matched()).contains(MatchedField.ALERT, MatchedField.RUNBOOK_URL);
        assertThat(both.reason().text()).isEqualTo("alert rule \"No Active Workers\" names NoActiveWorkers");
    }

    @Test
    void aWordFoundOnlyInSomeRunbooksBodyAttachesNothing() {
        // "comprehensive" and "environments" are in the opening prose of seeds 001 and 004 only
        Map<String, String> notes = Map.of("summary", "comprehensive environments");
        List<SearchHit> hits = search.forAlert("ZzqFrobnicatorStalled", Map.of(), notes, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.matched()).containsOnly(MatchedField.BODY);
            assertThat(hit.reason().strength().attaches()).isFalse();
        });
        assertThat(matcher.match(group(alert("ZzqFrobnicatorStalled", notes)))).isNull();
    }

    @Test
    void aNameMatchOfALaterAlertBeatsATitleMatchOfAnEarlierOne() {
        Alert byTitle = alert("ZzqPhotonThing", Map.of("summary", "photon incident response"));
        assertThat(matcher.match(group(byTitle)).reason()).startsWith("title \"");
        RunbookMatcher.Match match = matcher.match(group(byTitle, alert("NoActiveWorkers", Map.of())));
        assertThat(match.slug()).isEqualTo(QUEUES);
        assertThat(match.reason()).isEqualTo("alert rule \"No Active Workers\" names NoActiveWorkers");
    }

    private static AlertGroup group(Alert... alerts) {
        return new AlertGroup("key", "default", Map.of(), "svc", "primary", null, null, List.of(alerts));
    }

    private static Alert alert(String name, Map<String, String> annotations) {
        Map<String, String> labels = new HashMap<>(Map.of("alertname", name, "severity", "critical"));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new Alert(
                IDS.incrementAndGet(),
                "fp" + IDS.get(),
                1,
                null,
                Map.copyOf(labels),
                annotations,
                AlertStatus.FIRING,
                at,
                null,
                null,
                1,
                at,
                at);
    }
}
