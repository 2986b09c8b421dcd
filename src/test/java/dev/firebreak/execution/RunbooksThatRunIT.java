package dev.firebreak.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.cli.FirebreakCli;
import dev.firebreak.execution.internal.RunLane;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.scheduling.TaskLanes;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Triage walks and checklists on seed 000, live output, diagnostics on open, a crashed run, and the CLI. */
@Tag("database")
class RunbooksThatRunIT extends ExecutionTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SEED_000 = Path.of("../shared/seeds/000_2eb0fdaed66d6d32.txt");

    @Autowired
    TaskLanes lanes;

    @Autowired
    dev.firebreak.alert.RoutingConfigs routing;

    @Autowired
    TransactionTemplate transactions;

    String id;
    String service;
    String user;
    String token;

    @BeforeEach
    void setUp() {
        id = UUID.randomUUID().toString().substring(0, 8);
        service = "svc-" + id;
        user = "resp-" + id;
        UserAccount account = accounts.create(user, "password-123456", Role.RESPONDER, null, null);
        token = tokens.create(account.id(), "test", null).secret();
    }

    long incident(String slug) {
        return incident(service, slug, Map.of());
    }

    String runbook(String extra) {
        String slug = "run-" + id;
        store(slug, ExecutionApiIT.runbook("Run " + id, extra));
        return slug;
    }

    String seed() throws Exception {
        String slug = "seed0-" + id;
        library.put(slug, slug + ".md", Files.readAllBytes(SEED_000), "test", "api");
        return slug;
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void theTriageTreeOfSeed000LeadsToAProcedureAndThePathGoesOnTheTimeline() throws Exception {
        long incident = incident(seed());
        JsonNode trees = json(get("/api/v1/incidents/" + incident + "/triage", token));
        assertThat(trees).hasSize(1);
        assertThat(trees.get(0).at("/root/label").asString()).isEqualTo("Build Failure? → Start Here");
        HttpResponse<String> atAQuestion =
                sendJson("POST", "/api/v1/incidents/" + incident + "/triage", token, "{\"path\":[0]}");
        assertThat(atAQuestion.statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", "/api/v1/incidents/" + incident + "/triage", token, "{\"path\":[0,9]}")
                        .statusCode())
                .isEqualTo(400);
        JsonNode walk = json(sendJson("POST", "/api/v1/incidents/" + incident + "/triage", token, "{\"path\":[0,0]}"));
        assertThat(walk.get("target").asString()).isEqualTo("schema-issues");
        assertThat(incidents.details(incident).timeline().getLast().text())
                .isEqualTo("triage: Red CI Status? yes -> Schema Gate Failed? yes -> Schema Issues");
        assertThat(incidents.details(incident).timeline().getLast().detail())
                .isEqualTo(new TimelineDetail.TriageWalked(
                        "seed0-" + id, List.of("Red CI Status? yes", "Schema Gate Failed? yes"), "schema-issues"));

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("1\nx\n2\n".getBytes(StandardCharsets.UTF_8)));
            Cli walked = cli("triage", Long.toString(incident));
            assertThat(walked.code()).as(walked.err()).isZero();
            assertThat(walked.out())
                    .contains("1. Red CI Status?", "type a number")
                    .contains("Red CI Status? yes -> Dataset Gate Failed? yes -> Dataset Issues");
        } finally {
            System.setIn(stdin);
        }
        assertThat(cli("triage", Long.toString(incident), "--answer", "2").out())
                .contains("Performance Issues? yes -> Performance Issues");
    }

    @Test
    void aProcedureIsAChecklistTickedSkippedAndAssignedOnTheTimeline() throws Exception {
        long incident = incident(seed());
        JsonNode lists = json(get("/api/v1/incidents/" + incident + "/checklist", token));
        assertThat(lists).hasSize(8);
        JsonNode schema = lists.get(0);
        assertThat(schema.get("anchor").asString()).isEqualTo("schema-issues");
        assertThat(schema.get("steps")).hasSize(7);
        assertThat(schema.at("/steps/0/commands/0").asString()).isEqualTo("schema-issues.1");
        String path = "/api/v1/incidents/" + incident + "/checklist/schema-issues/";
        assertThat(sendJson("POST", path + "1", token, "{\"change\":\"done\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> noReason = sendJson("POST", path + "2", token, "{\"change\":\"skipped\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("field").asString()).isEqualTo("reason");
        assertThat(sendJson("POST", path + "2", token, "{\"change\":\"skipped\",\"reason\":\"no report yet\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sendJson("POST", path + "3", token, "{\"change\":\"assigned\",\"assignee\":\"nobody-" + id + "\"}")
                        .statusCode())
                .isEqualTo(400);
        JsonNode assigned =
                json(sendJson("POST", path + "3", token, "{\"change\":\"assigned\",\"assignee\":\"" + user + "\"}"));
        assertThat(assigned.at("/steps/2/assignee").asString()).isEqualTo(user);
        assertThat(sendJson("POST", path + "99", token, "{\"change\":\"done\"}").statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", path + "1", token, "{\"change\":\"maybe\"}").statusCode())
                .isEqualTo(400);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/incidents/" + incident + "/checklist/nope/1",
                                token,
                                "{\"change\":\"done\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(sendJson("POST", path + "1", tokenFor(Role.VIEWER), "{\"change\":\"done\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(incidents.details(incident).timeline().stream()
                        .filter(e -> e.kind() == TimelineKind.CHECKLIST)
                        .map(e -> ((TimelineDetail.ChecklistChanged) e.detail()).change())
                        .toList())
                .containsExactly(
                        TimelineDetail.ChecklistChanged.Change.DONE,
                        TimelineDetail.ChecklistChanged.Change.SKIPPED,
                        TimelineDetail.ChecklistChanged.Change.ASSIGNED);
        Cli shown = cli("checklist", Long.toString(incident), "schema-issues");
        assertThat(shown.out()).contains("[x] 1.", "[-] 2.", "(no report yet)", "@" + user);
        assertThat(cli("checklist", Long.toString(incident), "schema-issues", "--done", "4")
                        .code())
                .isZero();
        assertThat(getPage(login(user, "password-123456"), "/incidents").body()).contains("3/7 steps");
    }

    @Test
    void twoWatchersGetTheWholeOutputInOrderAsItComes() throws Exception {
        switches.set(service, true, false, "admin");
        long incident = incident(runbook("\n```bash\nseq 1 20000\n```\n"));
        long run = json(sendJson(
                        "POST", "/api/v1/incidents/" + incident + "/runs", token, "{\"step\":\"diagnosis.3\"}"))
                .get("id")
                .asLong();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> follow(run));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> follow(run));
        String expected =
                IntStream.rangeClosed(1, 20000).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
        assertThat(first.get()).isEqualTo(expected);
        assertThat(second.get()).isEqualTo(expected);
        assertThat(follow(run))
                .as("a watcher after the end reads it all from the table")
                .isEqualTo(expected);
    }

    /** Reads the run's event stream to its end event; fails on a gap or a repeat. */
    String follow(long run) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(
                    HttpRequest.newBuilder(uri("/api/v1/runs/" + run + "/stream"))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            StringBuilder text = new StringBuilder();
            List<Integer> seqs = new ArrayList<>();
            boolean[] ended = {false};
            String[] event = {""};
            response.body().takeWhile(line -> !ended[0]).forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6);
                } else if (line.startsWith("data:") && event[0].equals("output")) {
                    JsonNode chunk = JSON.readTree(line.substring(5));
                    seqs.add(chunk.get("seq").asInt());
                    text.append(chunk.get("text").asString());
                } else if (line.startsWith("data:") && event[0].equals("end")) {
                    ended[0] = true;
                }
            });
            assertThat(ended[0]).isTrue();
            assertThat(seqs).isEqualTo(IntStream.range(0, seqs.size()).boxed().toList());
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIncidentOfAServiceWithDiagnosticsRunsItsReadOnlyDiagnosisStepsWhenItOpens() {
        switches.set(service, true, true, "admin");
        long incident = incident(runbook(""));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.forIncident(incident).stream().anyMatch(r -> r.state() == RunState.SUCCEEDED));
        List<CommandRun> automatic = runs.forIncident(incident);
        // diagnosis.1 needs <pod-name>, which no label gives: it waits for a person.
        assertThat(automatic).extracting(CommandRun::step).containsExactly("diagnosis.2");
        assertThat(automatic.getFirst().trigger()).isEqualTo("ROUTE");
        assertThat(automatic.getFirst().requestedBy()).isEqualTo("firebreak");
        assertThat(runs.output(automatic.getFirst().id())).isEqualTo("1\n2\n3\n");
        assertThat(incidents.details(incident).timeline())
                .anyMatch(e -> e.detail() instanceof TimelineDetail.CommandRan r
                        && r.step().equals("diagnosis.2"));
    }

    @Test
    void aRouteWithDiagnosticsRunsThemForAnEnabledService() {
        String slug = runbook("");
        switches.set(service, true, false, "admin");
        String previous = routing.current().yaml();
        String name = "RouteDiag" + id;
        routing.save(
                "route:\n  group_wait: 0s\n  routes:\n    - matchers: ['alertname=\"" + name + "\"']\n"
                        + "      service: " + service + "\n      runbook: " + slug + "\n      diagnostics: true\n",
                "test",
                false);
        try {
            var alert = AlertGroups.alert(name, Map.of(), clock.instant(), "zqxv " + id);
            var match = routing.test(alert.labels(), null).getFirst();
            assertThat(match.diagnostics()).isTrue();
            String key = AlertGroups.key();
            alertGroups().fire(new AlertGroup(key, match.route(), Map.of(), service, null, null, slug, List.of(alert)));
            long incident = incidents
                    .list(new IncidentQuery(null, null, key, 5))
                    .getFirst()
                    .id();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.forIncident(incident).stream()
                    .anyMatch(
                            r -> r.state() == RunState.SUCCEEDED && r.trigger().equals("ROUTE")));
        } finally {
            routing.save(previous, "test", false);
        }
    }

    @Test
    void aRunCutOffByAStoppedNodeIsInterruptedNotRunAgain() {
        switches.set(service, true, false, "admin");
        long incident = incident(runbook(""));
        long ran = json(sendJson(
                        "POST", "/api/v1/incidents/" + incident + "/runs", token, "{\"step\":\"diagnosis.2\"}"))
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.get(ran).state().ended());
        // As a node leaves it when it dies mid-run: RUNNING, its task revived by db-scheduler.
        jdbc.sql("update command_runs set state = 'RUNNING', ended_at = null where id = ?")
                .param(ran)
                .update();
        int before = jdbc.sql("select count(*) from command_run_output where run_id = ?")
                .param(ran)
                .query(Integer.class)
                .single();
        transactions.executeWithoutResult(status -> RunLane.queue(lanes, ran, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.get(ran).state() == RunState.INTERRUPTED);
        assertThat(jdbc.sql("select count(*) from command_run_output where run_id = ?")
                        .param(ran)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
        assertThat(incidents.details(incident).timeline().getLast().detail())
                .isInstanceOfSatisfying(TimelineDetail.CommandRan.class, r -> assertThat(r.outcome())
                        .isEqualTo(TimelineDetail.CommandRan.Outcome.INTERRUPTED));
    }

    @Test
    void theCliRunsDryRunsApprovesAndExitsWithTheCommandsCode() {
        switches.set(service, true, false, "admin");
        long incident = incident(runbook("\n```bash\nls /nonexistent-firebreak-dir\n```\n"));
        String inc = Long.toString(incident);
        Cli list = cli("run", inc);
        assertThat(list.out()).contains("diagnosis.2", "read-only", "seq 1 3", "resolution.2", "destructive");
        Cli dry = cli("run", inc, "diagnosis.1", "--dry-run", "--param", "pod-name=web 1", "--param", "NAMESPACE=prod");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains(
                        "risk:    read-only",
                        "runs on: local shell",
                        "printf 'pod=%s ns=%s\\n' \"${FB_POD_NAME}\" \"${FB_NAMESPACE}\"",
                        "FB_POD_NAME='web 1'",
                        "FB_NAMESPACE='prod'");
        Cli missing = cli("run", inc, "diagnosis.1", "--dry-run");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("missing: ");
        Cli ok = cli("run", inc, "diagnosis.2");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("1\n2\n3\n");
        Cli failing = cli("run", inc, "diagnosis.3");
        assertThat(failing.code()).isEqualTo(2);
        assertThat(failing.out()).contains("No such file or directory");
        Cli unconfirmed = cli("run", inc, "resolution.1", "--param", "pod-name=web-1");
        assertThat(unconfirmed.code()).isEqualTo(1);
        assertThat(unconfirmed.err().strip()).contains("--yes").doesNotContain("\n");
        Cli destructive = cli("run", inc, "resolution.2");
        assertThat(destructive.code()).isEqualTo(3);
        String runId = destructive.out().replaceAll("(?s)^run (\\d+) .*", "$1");
        Cli self = cli("approve", runId, "--reason", "mine");
        assertThat(self.code()).isEqualTo(1);
        assertThat(self.err()).contains("a second person");
        UserAccount second = accounts.create("second-" + id, "password-" + UUID.randomUUID(), Role.ADMIN, null, null);
        String secondToken = tokens.create(second.id(), "test", null).secret();
        Cli approved = cliAs(secondToken, "approve", runId, "--reason", "stale cache");
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(cli("run", inc, "resolution.2", "--approved", runId).code()).isZero();
        assertThat(cli("run", inc, "resolution.2", "--approved", runId).err()).contains("used already");
        Cli audit = cli("audit", "verify");
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).startsWith("audit intact: ");
        assertThat(cli("audit", "list", "--limit", "5").out()).contains("finished");
        assertThat(cli("execution", "enable", "svc-other-" + id).code()).isEqualTo(1);
        assertThat(cliAs(secondToken, "execution", "enable", "svc-other-" + id, "--diagnostics")
                        .out())
                .contains("on", "diagnostics");
    }

    record Cli(int code, String out, String err) {}

    Cli cli(String... args) {
        return cliAs(token, args);
    }

    Cli cliAs(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + port, "--token", as));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
