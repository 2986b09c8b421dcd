package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.cli.FirebreakCli;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routing and silence endpoints over HTTP, their bad input and roles, and the silence CLI. */
@Tag("database")
class RoutingApiIT extends ServerTest {
    /** Other test classes share the database and expect the built-in routing. */
    @org.junit.jupiter.api.AfterEach
    void restoreDefaultRouting() {
        send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + tokenFor(dev.firebreak.platform.security.Role.ADMIN))
                .header("Content-Type", "application/yaml")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("route:\n  group_by: [alertname]\n")));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void invalidRoutingIsRejectedWithItsLineAndNothingChanges() {
        String admin = tokenFor(Role.ADMIN);
        HttpResponse<String> before = get("/api/v1/routing", admin);
        assertThat(before.statusCode()).isEqualTo(200);
        String version =
                before.headers().firstValue("Firebreak-Routing-Version").orElseThrow();

        HttpResponse<String> bad =
                putYaml(admin, "route:\n  group_by: [alertname]\n  grup_by: [x]\n  group_wait: soon\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.get("field").asString()).isEqualTo("yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("detail").asString()).contains("line 3: unknown key 'grup_by'");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(1).get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("errors").get(1).get("message").asString()).contains("bad duration 'soon'");

        HttpResponse<String> empty = putYaml(admin, "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("line").asInt()).isEqualTo(1);
        assertThat(putYaml(admin, "route: [unclosed\n").statusCode()).isEqualTo(400);

        HttpResponse<String> after = get("/api/v1/routing", admin);
        assertThat(after.headers().firstValue("Firebreak-Routing-Version").orElseThrow())
                .isEqualTo(version);
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void validateAnswersProblemsWithoutSaving() {
        String responder = tokenFor(Role.RESPONDER);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/routing/validate"))
                .header("Authorization", "Bearer " + responder)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("route:\n  routes:\n    - matchers: ['a=~\"[\"']\n")));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("problems").get(0).get("message").asString()).startsWith("bad regex");
    }

    @Test
    void onlyAdminsReplaceTheRouting() {
        String yaml = "route:\n  group_by: [alertname]\n";
        assertThat(putYaml(tokenFor(Role.VIEWER), yaml).statusCode()).isEqualTo(403);
        assertThat(putYaml(tokenFor(Role.RESPONDER), yaml).statusCode()).isEqualTo(403);
        String admin = tokenFor(Role.ADMIN);
        String mine = "# " + UUID.randomUUID() + "\nroute:\n  group_by: [alertname, cluster]\n  routes:\n"
                + "    - matchers: [team=\"db\"]\n      service: database\n";
        HttpResponse<String> saved = putYaml(admin, mine);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode version = JSON.readTree(saved.body());
        assertThat(version.get("createdBy").asString()).startsWith("admin-");
        assertThat(get("/api/v1/routing", tokenFor(Role.VIEWER)).body()).isEqualTo(mine);

        HttpResponse<String> test = sendJson(
                "POST",
                "/api/v1/routing/test",
                tokenFor(Role.RESPONDER),
                "{\"labels\": {\"alertname\": \"X\", \"team\": \"db\"}}");
        assertThat(test.statusCode()).isEqualTo(200);
        JsonNode match = JSON.readTree(test.body()).get(0);
        assertThat(match.get("service").asString()).isEqualTo("database");
        assertThat(match.get("groupKey").asString()).isEqualTo("0.0:{alertname=\"X\"}");
        assertThat(match.get("groupWait").asString()).isEqualTo("30s");
    }

    @Test
    void silencesThroughTheApi() {
        String responder = tokenFor(Role.RESPONDER);
        String name = "Disk" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = sendJson(
                "POST",
                "/api/v1/silences",
                responder,
                "{\"matchers\": [\"alertname=\\\"" + name
                        + "\\\"\"], \"duration\": \"2h\", \"comment\": \"disk swap\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode silence = JSON.readTree(created.body());
        assertThat(silence.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(silence.get("matchers").get(0).asString()).isEqualTo("alertname=\"" + name + "\"");
        long id = silence.get("id").asLong();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/silences/" + id);

        HttpResponse<String> expired = send(HttpRequest.newBuilder(uri("/api/v1/silences/" + id))
                .header("Authorization", "Bearer " + responder)
                .DELETE());
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(expired.body()).get("state").asString()).isEqualTo("EXPIRED");
        assertThat(get("/api/v1/silences?state=expired", tokenFor(Role.VIEWER)).body())
                .contains(name);
        assertThat(get("/api/v1/silences/999999999", responder).statusCode()).isEqualTo(404);
    }

    @Test
    void badSilencesAreRejectedAndNothingIsStored() {
        String responder = tokenFor(Role.RESPONDER);
        String marker = "marker-" + UUID.randomUUID();
        assertBad(responder, "{\"matchers\": [], \"duration\": \"1h\", \"comment\": \"" + marker + "\"}", "matchers");
        assertBad(
                responder,
                "{\"matchers\": [\"a~b\"], \"duration\": \"1h\", \"comment\": \"" + marker + "\"}",
                "matchers");
        assertBad(
                responder,
                "{\"matchers\": [\"a=~\\\".*\\\"\"], \"duration\": \"1h\", \"comment\": \"" + marker + "\"}",
                "matchers");
        assertBad(
                responder,
                "{\"matchers\": [\"a=b\"], \"duration\": \"soon\", \"comment\": \"" + marker + "\"}",
                "duration");
        assertBad(responder, "{\"matchers\": [\"a=b\"], \"comment\": \"" + marker + "\"}", "endsAt");
        assertBad(
                responder,
                "{\"matchers\": [\"a=b\"], \"endsAt\": \"2000-01-01T00:00:00Z\", \"comment\": \"" + marker + "\"}",
                "endsAt");
        assertBad(
                responder,
                "{\"matchers\": [\"a=b\"], \"endsAt\": \"tomorrow\", \"comment\": \"" + marker + "\"}",
                "endsAt");
        assertBad(responder, "{\"matchers\": [\"a=b\"], \"duration\": \"1h\", \"comment\": \" \"}", "comment");
        assertBad(
                responder,
                "{\"matchers\": [\"a=b\"], \"startsAt\": \"2099-01-02T00:00:00Z\", \"endsAt\": \"2099-01-01T00:00:00Z\","
                        + " \"comment\": \"" + marker + "\"}",
                "endsAt");
        assertThat(get("/api/v1/silences?state=bogus", responder).statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", "/api/v1/silences", responder, "{not json").statusCode())
                .isEqualTo(400);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/silences",
                                tokenFor(Role.VIEWER),
                                "{\"matchers\": [\"a=b\"], \"duration\": \"1h\", \"comment\": \"" + marker + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/silences", responder).body()).doesNotContain(marker);
    }

    @Test
    void maintenanceWindowsThroughTheApi() {
        String responder = tokenFor(Role.RESPONDER);
        HttpResponse<String> created = sendJson(
                "POST",
                "/api/v1/maintenance-windows",
                responder,
                "{\"service\": \"billing\", \"duration\": \"1h\", \"comment\": \"db upgrade\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(sendJson("POST", "/api/v1/maintenance-windows", responder, "{\"duration\": \"1h\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> ended = send(HttpRequest.newBuilder(uri("/api/v1/maintenance-windows/" + id))
                .header("Authorization", "Bearer " + responder)
                .DELETE());
        assertThat(ended.statusCode()).isEqualTo(200);
    }

    @Test
    void silenceCommandsAgainstTheServer() {
        String token = tokenFor(Role.RESPONDER);
        String name = "Cli" + UUID.randomUUID().toString().substring(0, 8);
        Run add = cli(
                "silence",
                "add",
                "alertname=" + name,
                "instance=~\"db-.*\"",
                "--duration",
                "2h",
                "--comment",
                "maintenance",
                "--server",
                "http://127.0.0.1:" + port,
                "--token",
                token);
        assertThat(add.code()).as(add.err()).isZero();
        long id = Long.parseLong(add.out().strip());

        Run list =
                cli("silence", "list", "--state", "active", "--server", "http://127.0.0.1:" + port, "--token", token);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(name).contains("instance=~\"db-.*\"").contains("maintenance");

        Run expire =
                cli("silence", "expire", Long.toString(id), "--server", "http://127.0.0.1:" + port, "--token", token);
        assertThat(expire.out().strip()).isEqualTo(id + " expired");

        Run bad = cli(
                "silence", "add", "a~b", "--comment", "x", "--server", "http://127.0.0.1:" + port, "--token", token);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("bad matcher 'a~b'");
        Run viewer = cli(
                "silence",
                "add",
                "a=b",
                "--comment",
                "x",
                "--server",
                "http://127.0.0.1:" + port,
                "--token",
                tokenFor(Role.VIEWER));
        assertThat(viewer.code()).isEqualTo(1);
        assertThat(viewer.err()).contains("role");
        Run missing = cli("silence", "add", "a=b", "--server", "http://127.0.0.1:" + port, "--token", token);
        assertThat(missing.code()).isEqualTo(2);
    }

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private void assertBad(String token, String json, String field) {
        HttpResponse<String> answer = sendJson("POST", "/api/v1/silences", token, json);
        assertThat(answer.statusCode()).as(json + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("field").asString())
                .as(json)
                .isEqualTo(field);
    }

    private HttpResponse<String> putYaml(String token, String yaml) {
        return send(HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
    }
}
