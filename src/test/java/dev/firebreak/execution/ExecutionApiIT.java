package dev.firebreak.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Guarded commands over the real API: gates, approvals, limits, injection, audit. Each security case a test. */
@Tag("database")
class ExecutionApiIT extends ExecutionTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HOSTILE = "x; touch /tmp/firebreak-pwned-$(id -u) #";

    String service;
    String slug;
    String requester;
    String requesterToken;
    String approverToken;

    static String runbook(String title, String extraDiagnosis) {
        return "# " + title + "\n\n## Diagnosis\n\n```bash\nprintf 'pod=%s ns=%s\\n' <pod-name> \"$NAMESPACE\"\n```\n\n"
                + "```bash\nseq 1 3\n```\n" + extraDiagnosis + "\n## Resolution\n\n1. Restart the worker:\n"
                + "   ```bash\n   touch restarted-<pod-name>\n   ```\n2. Wipe the cache:\n   ```bash\n"
                + "   rm -rf /tmp/firebreak-exec-test-cache-none\n   ```\n\n## Message template\n\n```\nService down: [SERVICE]\n```\n";
    }

    @BeforeEach
    void setUp() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        service = "svc-" + id;
        slug = "exec-" + id;
        store(slug, runbook("Exec " + id, ""));
        requester = "req-" + id;
        requesterToken = token(requester, Role.RESPONDER);
        approverToken = token("appr-" + id, Role.RESPONDER);
    }

    String token(String name, Role role) {
        UserAccount user = accounts.create(name, "password-" + UUID.randomUUID(), role, null, null);
        return tokens.create(user.id(), "test", null).secret();
    }

    long incident(Map<String, String> labels) {
        return incident(service, slug, labels);
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    HttpResponse<String> run(long incident, String token, String body) {
        return sendJson("POST", "/api/v1/incidents/" + incident + "/runs", token, body);
    }

    JsonNode waitEnded(long run) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String state = json(get("/api/v1/runs/" + run, requesterToken))
                    .get("state")
                    .asString();
            return !List.of("QUEUED", "RUNNING").contains(state);
        });
        return json(get("/api/v1/runs/" + run, requesterToken));
    }

    @Test
    void stepsListCommandsOnlyNotTemplatesOrData() {
        long id = incident(Map.of());
        JsonNode steps = json(get("/api/v1/incidents/" + id + "/steps", requesterToken));
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).get("ref").asString()).isEqualTo("diagnosis.1");
        assertThat(steps.get(0).get("placeholders").toString()).contains("<pod-name>", "$NAMESPACE");
        assertThat(steps.get(3).get("risk").asString()).isEqualTo("DESTRUCTIVE");
        assertThat(steps.toString()).doesNotContain("Service down");
    }

    @Test
    void nothingRunsUntilAnAdminEnablesTheService() {
        long id = incident(Map.of());
        HttpResponse<String> refused = run(id, requesterToken, "{\"step\":\"diagnosis.2\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json(refused).get("detail").asString()).contains("off for service " + service);
        HttpResponse<String> byResponder =
                sendJson("PUT", "/api/v1/execution/services/" + service, requesterToken, "{\"enabled\":true}");
        assertThat(byResponder.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from command_runs where incident_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aViewerCannotDryRunRunApproveOrStart() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        String viewer = tokenFor(Role.VIEWER);
        assertThat(sendJson("POST", "/api/v1/incidents/" + id + "/runs/dry-run", viewer, "{\"step\":\"diagnosis.2\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(run(id, viewer, "{\"step\":\"diagnosis.2\"}").statusCode()).isEqualTo(403);
        long run = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"))
                .get("id")
                .asLong();
        assertThat(sendJson("POST", "/api/v1/runs/" + run + "/approve", viewer, "{\"reason\":\"ok\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(sendJson("POST", "/api/v1/runs/" + run + "/start", viewer, "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void labelValuesAreOneArgumentEachNeverASecondCommand() throws Exception {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of("pod", HOSTILE, "namespace", "$(id)`id`'\"; id"));
        JsonNode dry = json(sendJson(
                "POST", "/api/v1/incidents/" + id + "/runs/dry-run", requesterToken, "{\"step\":\"diagnosis.1\"}"));
        assertThat(dry.get("risk").asString()).isEqualTo("READ_ONLY");
        assertThat(dry.get("gate").asString()).isEqualTo("CLICK");
        assertThat(dry.get("missing")).isEmpty();
        assertThat(dry.get("runner").asString()).contains("local shell", " as ");
        HttpResponse<String> created = run(
                id,
                requesterToken,
                "{\"step\":\"diagnosis.1\",\"scriptHash\":\""
                        + dry.get("scriptHash").asString() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ended = waitEnded(json(created).get("id").asLong());
        assertThat(ended.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("exitCode").asInt()).isZero();
        String output = get("/api/v1/runs/" + ended.get("id").asLong() + "/output", requesterToken)
                .body();
        assertThat(output).isEqualTo("pod=" + HOSTILE + " ns=$(id)`id`'\"; id\n");
        assertThat(Files.list(Path.of("/tmp"))
                        .anyMatch(p -> p.getFileName().toString().startsWith("firebreak-pwned")))
                .isFalse();
        assertThat(incidents.details(id).timeline())
                .anyMatch(e -> e.detail() instanceof TimelineDetail.CommandRequested r
                        && r.step().equals("diagnosis.1"))
                .anyMatch(e -> e.detail() instanceof TimelineDetail.CommandRan r
                        && r.outcome() == TimelineDetail.CommandRan.Outcome.SUCCEEDED
                        && r.exitCode() == 0);
    }

    @Test
    void annotationValuesAreQuotedLikeLabels() {
        switches.set(service, true, false, "admin");
        String own = slug + "-notes";
        store(own, "# Notes " + service + "\n\n## Diagnosis\n\n```bash\nprintf '%s|' <summary> \"${SUMMARY}\"\n```\n");
        long id = incident(service, own, Map.of(), HOSTILE);
        long run = json(run(id, requesterToken, "{\"step\":\"diagnosis.1\"}"))
                .get("id")
                .asLong();
        assertThat(waitEnded(run).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(get("/api/v1/runs/" + run + "/output", requesterToken).body())
                .isEqualTo(HOSTILE + "|" + HOSTILE + "|");
    }

    @Test
    void typedValuesAndRunbookTextAreQuotedToo() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        HttpResponse<String> missing = run(id, requesterToken, "{\"step\":\"diagnosis.1\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).contains("<pod-name>", "$NAMESPACE");
        long run = json(run(
                        id,
                        requesterToken,
                        "{\"step\":\"diagnosis.1\",\"params\":{\"pod-name\":\"a\\nid\",\"NAMESPACE\":\"$(id)\"}}"))
                .get("id")
                .asLong();
        waitEnded(run);
        assertThat(get("/api/v1/runs/" + run + "/output", requesterToken).body())
                .isEqualTo("pod=a\nid ns=$(id)\n");
        HttpResponse<String> nul = run(
                id,
                requesterToken,
                "{\"step\":\"diagnosis.1\",\"params\":{\"pod-name\":\"a\\u0000\",\"NAMESPACE\":\"x\"}}");
        assertThat(nul.statusCode()).isEqualTo(400);
    }

    @Test
    void aMutatingStepNeedsConfirmationAndCoolsDown() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of("pod", "web-1"));
        HttpResponse<String> unconfirmed = run(id, requesterToken, "{\"step\":\"resolution.1\"}");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(json(unconfirmed).get("field").asString()).isEqualTo("confirm");
        HttpResponse<String> confirmed = run(id, requesterToken, "{\"step\":\"resolution.1\",\"confirm\":true}");
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(waitEnded(json(confirmed).get("id").asLong()).get("state").asString())
                .isEqualTo("SUCCEEDED");
        HttpResponse<String> again = run(id, requesterToken, "{\"step\":\"resolution.1\",\"confirm\":true}");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(run(id, requesterToken, "{\"step\":\"resolution.1\",\"confirm\":true}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void twoApprovedRunsOfADestructiveStepDoNotStartWithinTheCooldown() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        long first = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"))
                .get("id")
                .asLong();
        clock.advance(Duration.ofMinutes(2));
        long second = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"))
                .get("id")
                .asLong();
        for (long run : List.of(first, second)) {
            sendJson("POST", "/api/v1/runs/" + run + "/approve", approverToken, "{\"reason\":\"cache is corrupt\"}");
        }
        assertThat(sendJson("POST", "/api/v1/runs/" + first + "/start", requesterToken, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> tooSoon = sendJson("POST", "/api/v1/runs/" + second + "/start", requesterToken, "");
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();
        assertThat(waitEnded(first).get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(json(get("/api/v1/runs/" + second, requesterToken))
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sendJson("POST", "/api/v1/runs/" + second + "/start", requesterToken, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(waitEnded(second).get("startedBy").asString()).isEqualTo(requester);
    }

    @Test
    void aRoutesDiagnosticsDoNotUseUpTheRespondersRuns() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        for (int i = 0; i < 5; i++) {
            runs.diagnose(id, "diagnosis.2");
        }
        HttpResponse<String> person = run(id, requesterToken, "{\"step\":\"diagnosis.2\"}");
        assertThat(person.statusCode()).isEqualTo(201);
        assertThat(json(person).get("startedBy").asString()).isEqualTo(requester);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(
                                dev.firebreak.platform.FirebreakException.TooSoon.class,
                                () -> runs.diagnose(id, "diagnosis.2"))
                        .getMessage())
                .contains("5 times");
    }

    @Test
    void aLoopOfClicksIsRateLimited() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(run(id, requesterToken, "{\"step\":\"diagnosis.2\"}").statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> sixth = run(id, requesterToken, "{\"step\":\"diagnosis.2\"}");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(json(sixth).get("detail").asString()).contains("5 times");
    }

    @Test
    void aDestructiveStepWaitsForASecondPersonAndTheApprovalIsUsedOnce() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        JsonNode requested = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"));
        long run = requested.get("id").asLong();
        assertThat(requested.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        String approve = "/api/v1/runs/" + run + "/approve";
        String start = "/api/v1/runs/" + run + "/start";
        assertThat(sendJson("POST", start, requesterToken, "").statusCode()).isEqualTo(409);
        HttpResponse<String> self = sendJson("POST", approve, requesterToken, "{\"reason\":\"mine\"}");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(json(self).get("detail").asString()).contains("a second person");
        assertThat(sendJson("POST", approve, approverToken, "{}").statusCode()).isEqualTo(400);
        JsonNode approved = json(sendJson("POST", approve, approverToken, "{\"reason\":\"cache is corrupt\"}"));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(sendJson("POST", approve, approverToken, "{\"reason\":\"twice\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(sendJson("POST", start, requesterToken, "").statusCode()).isEqualTo(200);
        assertThat(waitEnded(run).get("state").asString()).isEqualTo("SUCCEEDED");
        HttpResponse<String> reused = sendJson("POST", start, requesterToken, "");
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json(reused).get("detail").asString()).contains("used already");
        assertThat(jdbc.sql("select count(*) from command_runs where incident_id = ? and state = 'SUCCEEDED'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anApprovalExpiresIfUnused() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        long run = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"))
                .get("id")
                .asLong();
        sendJson("POST", "/api/v1/runs/" + run + "/approve", approverToken, "{\"reason\":\"go\"}");
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> late = sendJson("POST", "/api/v1/runs/" + run + "/start", requesterToken, "");
        assertThat(late.statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get("/api/v1/runs/" + run, requesterToken))
                .get("state")
                .asString()
                .equals("EXPIRED"));
    }

    @Test
    void aRunbookChangedAfterTheDryRunIsRefusedAndAnApprovedRunKeepsItsScript() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        JsonNode dry = json(sendJson(
                "POST", "/api/v1/incidents/" + id + "/runs/dry-run", requesterToken, "{\"step\":\"diagnosis.2\"}"));
        long destructive = json(run(id, requesterToken, "{\"step\":\"resolution.2\"}"))
                .get("id")
                .asLong();
        sendJson("POST", "/api/v1/runs/" + destructive + "/approve", approverToken, "{\"reason\":\"go\"}");
        String changed =
                runbook("Exec changed", "").replace("seq 1 3", "seq 1 4").replace("cache-none", "cache-other");
        store(slug, changed);
        HttpResponse<String> stale = run(
                id,
                requesterToken,
                "{\"step\":\"diagnosis.2\",\"scriptHash\":\""
                        + dry.get("scriptHash").asString() + "\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("detail").asString()).contains("changed since the dry run");
        // The page sends the hash of the step's text as it showed it: stale there too.
        HttpResponse<String> stalePage = run(
                id,
                requesterToken,
                "{\"step\":\"diagnosis.2\",\"scriptHash\":\""
                        + dry.get("codeHash").asString() + "\"}");
        assertThat(stalePage.statusCode()).isEqualTo(409);
        JsonNode fresh = json(sendJson(
                "POST", "/api/v1/incidents/" + id + "/runs/dry-run", requesterToken, "{\"step\":\"diagnosis.2\"}"));
        assertThat(run(
                                id,
                                requesterToken,
                                "{\"step\":\"diagnosis.2\",\"scriptHash\":\""
                                        + fresh.get("codeHash").asString() + "\"}")
                        .statusCode())
                .isEqualTo(201);
        sendJson("POST", "/api/v1/runs/" + destructive + "/start", requesterToken, "");
        JsonNode ended = waitEnded(destructive);
        assertThat(ended.get("script").asString()).contains("cache-none").doesNotContain("cache-other");
    }

    @Test
    void theAuditChainDetectsAChangedAndADeletedRow() {
        switches.set(service, true, false, "admin");
        long id = incident(Map.of());
        waitEnded(json(run(id, requesterToken, "{\"step\":\"diagnosis.2\"}"))
                .get("id")
                .asLong());
        assertThat(json(get("/api/v1/execution/audit/verify", requesterToken))
                        .get("intact")
                        .asBoolean())
                .isTrue();
        long seq = jdbc.sql("select max(seq) from execution_audit")
                .query(Long.class)
                .single();
        String actor = jdbc.sql("select actor from execution_audit where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        try {
            jdbc.sql("update execution_audit set actor = 'mallory' where seq = ?")
                    .param(seq)
                    .update();
            JsonNode changed = json(get("/api/v1/execution/audit/verify", requesterToken));
            assertThat(changed.get("intact").asBoolean()).isFalse();
            assertThat(changed.get("firstBad").asLong()).isEqualTo(seq);
            assertThat(changed.get("problem").asString()).contains("was changed");
        } finally {
            jdbc.sql("update execution_audit set actor = ? where seq = ?")
                    .params(actor, seq)
                    .update();
        }
        var row = jdbc.sql("select * from execution_audit where seq = ?")
                .param(seq)
                .query()
                .singleRow();
        jdbc.sql("delete from execution_audit where seq = ?").param(seq).update();
        try {
            JsonNode truncated = json(get("/api/v1/execution/audit/verify", requesterToken));
            assertThat(truncated.get("intact").asBoolean()).isFalse();
            assertThat(truncated.get("problem").asString()).contains("were written");
        } finally {
            jdbc.sql(
                            "insert into execution_audit (seq, at, actor, action, run_id, incident_id, payload, prev_hash, hash)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            row.get("seq"),
                            row.get("at"),
                            row.get("actor"),
                            row.get("action"),
                            row.get("run_id"),
                            row.get("incident_id"),
                            row.get("payload"),
                            row.get("prev_hash"),
                            row.get("hash"))
                    .update();
        }
        assertThat(json(get("/api/v1/execution/audit/verify", requesterToken))
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }
}
