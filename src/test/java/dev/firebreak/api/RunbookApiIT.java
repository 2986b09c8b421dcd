package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("database")
class RunbookApiIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String responder;
    private String slug;

    @BeforeEach
    void setUp() {
        responder = tokenFor(Role.RESPONDER);
        slug = "db-failover-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReplaceAndKeepVersions() {
        HttpResponse<String> created = putMarkdown(slug, "# DB failover\n\nold step\n", responder);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/runbooks/" + slug);
        assertThat(json(created).get("version").asInt()).isEqualTo(1);
        assertThat(json(created).get("outcome").asString()).isEqualTo("created");

        HttpResponse<String> replaced = putMarkdown(slug, "# DB failover\n\nnew step\n", responder);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("version").asInt()).isEqualTo(2);
        assertThat(json(replaced).get("outcome").asString()).isEqualTo("updated");

        HttpResponse<String> same = putMarkdown(slug, "# DB failover\n\nnew step\n", responder);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json(same).get("version").asInt()).isEqualTo(2);
        assertThat(json(same).get("outcome").asString()).isEqualTo("unchanged");

        JsonNode versions = json(get("/api/v1/runbooks/" + slug + "/versions", responder));
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("author").asString()).startsWith("responder-");
        assertThat(versions.get(0).get("contentHash").asString()).hasSize(64);
        assertThat(versions.get(1).get("source").asString()).isEqualTo("api");

        JsonNode current = json(get("/api/v1/runbooks/" + slug, responder));
        assertThat(current.get("version").get("version").asInt()).isEqualTo(2);
        assertThat(current.get("model").has("sections")).isTrue();
        assertThat(current.get("lint").get("errors").asInt()).isZero();
        assertThat(current.get("reviewDue").asString()).isNotBlank();

        HttpResponse<String> v1 = send(request("/api/v1/runbooks/" + slug + "/versions/1", responder)
                .header("Accept", "text/markdown")
                .GET());
        assertThat(v1.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(v1.body()).contains("old step");
        assertThat(get("/api/v1/runbooks/" + slug + "/raw", responder).body()).contains("new step");
        HttpResponse<String> asMarkdown = send(request("/api/v1/runbooks/" + slug, responder)
                .header("Accept", "text/markdown")
                .GET());
        assertThat(asMarkdown.body()).isEqualTo("# DB failover\n\nnew step\n");

        JsonNode diff = json(get("/api/v1/runbooks/" + slug + "/diff?from=1&to=2", responder));
        List<String> lines =
                diff.get("lines").valueStream().map(JsonNode::asString).toList();
        assertThat(lines).contains("-old step", "+new step");

        assertThat(get("/api/v1/runbooks/" + slug + "/versions/3", responder).statusCode())
                .isEqualTo(404);
        JsonNode list = json(get("/api/v1/runbooks", tokenFor(Role.VIEWER)));
        JsonNode mine = list.valueStream()
                .filter(n -> n.get("slug").asString().equals(slug))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("version").asInt()).isEqualTo(2);
        assertThat(mine.get("lint").get("warnings").asInt()).isZero();
    }

    @Test
    void jsonBodyIsAcceptedToo() {
        HttpResponse<String> created =
                sendJson("PUT", "/api/v1/runbooks/" + slug, responder, "{\"markdown\": \"# From JSON\\n\\ntext\\n\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/runbooks/" + slug + "/raw", responder).body()).isEqualTo("# From JSON\n\ntext\n");
    }

    @Test
    void rolesDecideWhoMayWriteAndDelete() {
        assertThat(putMarkdown(slug, "# X\n", tokenFor(Role.VIEWER)).statusCode())
                .isEqualTo(403);
        assertThat(putMarkdown(slug, "# X\n", responder).statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/runbooks/" + slug, null).statusCode()).isEqualTo(401);
        assertThat(send(request("/api/v1/runbooks/" + slug, responder).DELETE()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> deleted =
                send(request("/api/v1/runbooks/" + slug, tokenFor(Role.ADMIN)).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get("/api/v1/runbooks/" + slug, responder);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(gone).get("detail").asString()).contains(slug);
        HttpResponse<String> goneAsMarkdown = send(request("/api/v1/runbooks/" + slug, responder)
                .header("Accept", "text/markdown")
                .GET());
        assertThat(goneAsMarkdown.statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/runbooks/" + slug + "/raw", responder).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        HttpResponse<String> badSlug = putMarkdown("Bad_Slug", "# X\n", responder);
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(json(badSlug).get("field").asString()).isEqualTo("slug");

        byte[] binary = {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, (byte) 0xff, (byte) 0xfe};
        HttpResponse<String> unreadable = send(request("/api/v1/runbooks/" + slug, responder)
                .header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(binary)));
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> number = sendJson("PUT", "/api/v1/runbooks/" + slug, responder, "{\"markdown\":123}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json(number).get("field").asString()).isEqualTo("markdown");
        HttpResponse<String> twice =
                sendJson("PUT", "/api/v1/runbooks/" + slug, responder, "{\"markdown\":\"# A\",\"markdown\":\"# B\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Duplicate");

        HttpResponse<String> empty = putMarkdown(slug, "", responder);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(get("/api/v1/runbooks/" + slug, responder).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/runbooks", responder).body()).doesNotContain(slug, "bad_slug");
        assertThat(get("/api/v1/runbooks/search-me-not", responder).statusCode())
                .isEqualTo(404);
    }

    /** 10,000 nested quotes were stored with 201 and then their page answered 500. */
    @Test
    void hostileNesting_isShownBoundedOrRefusedAtSave_neverStoredToFailLater() {
        HttpResponse<String> quotes = putMarkdown(slug, "# Q\n\n" + ">".repeat(10_000) + " deep\n", responder);
        assertThat(quotes.statusCode()).isEqualTo(201);
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-" + name, Role.VIEWER, null, null);
        WebSession viewer = login(name, "password-" + name);
        HttpResponse<String> page = getPage(viewer, "/runbooks/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("deep");
        assertThat(getPage(viewer, "/runbooks/" + slug + "/versions/1").statusCode())
                .isEqualTo(200);

        String emphasis = "# E\n\n" + "*".repeat(30_000) + "x" + "*".repeat(30_000) + "\n";
        HttpResponse<String> refused = putMarkdown(slug, emphasis, responder);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("detail").asString()).contains("levels deep", "at most 200");
        assertThat(get("/api/v1/runbooks/" + slug, responder).body()).doesNotContain("*****");
        HttpResponse<String> lint = send(request("/api/v1/runbooks/lint", responder)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(emphasis, StandardCharsets.UTF_8)));
        assertThat(lint.statusCode()).isEqualTo(422);
    }

    @Test
    void searchRanksTheAlertRunbookFirst() {
        String alert = "DiskWillFillIn4Hours" + UUID.randomUUID().toString().substring(0, 4);
        putMarkdown(slug + "-generic", "# Disks\n\nWhen " + alert + " fires, also check this.\n", responder);
        putMarkdown(slug, "# " + alert + "\n\n## Meaning\n\nThe disk fills up.\n", responder);

        JsonNode byText = json(get("/api/v1/runbooks/search?q=" + alert, responder));
        assertThat(byText.get("hits").get(0).get("slug").asString()).isEqualTo(slug);
        assertThat(byText.get("hits").size()).isEqualTo(2);

        JsonNode byAlert = json(get("/api/v1/runbooks/search?alert=" + alert + "&label.severity=critical", responder));
        assertThat(byAlert.get("hits").get(0).get("slug").asString()).isEqualTo(slug);
        assertThat(byAlert.get("hits").get(0).get("matched").get(0).asString()).isEqualTo("alert");
        assertThat(byAlert.get("hits").get(0).get("reason").get("strength").asString())
                .isEqualTo("alert_name");
        assertThat(byAlert.get("hits").get(0).get("reason").get("text").asString())
                .isEqualTo("title \"" + alert + "\" names " + alert);

        JsonNode byUrl = json(get(
                "/api/v1/runbooks/search?alert=SomethingElse&annotation.runbook_url=https://wiki.example/runbooks/"
                        + slug + "-generic",
                responder));
        assertThat(byUrl.get("hits").get(0).get("slug").asString()).isEqualTo(slug + "-generic");
        assertThat(byUrl.get("hits").get(0).get("matched").get(0).asString()).isEqualTo("runbook_url");
        assertThat(byUrl.get("hits").get(0).get("reason").get("text").asString())
                .isEqualTo("runbook_url names " + slug + "-generic");

        assertThat(get("/api/v1/runbooks/search", responder).statusCode()).isEqualTo(400);
    }

    @Test
    void lintStoresNothing() {
        HttpResponse<String> lint = send(request("/api/v1/runbooks/lint", responder)
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofString("# Lint me\n")));
        assertThat(lint.statusCode()).isEqualTo(200);
        assertThat(json(lint).get("findings").isArray()).isTrue();
        assertThat(get("/api/v1/runbooks", responder).body()).doesNotContain("lint-me");
    }

    @Test
    void lintListsTemplatePlaceholdersAsTheCliDoes() {
        String markdown =
                "# R\n\n## Communication Templates\n\n### Initial\n```\nSeverity: [SEV-X]\nETA: [If known]\n```\n";
        HttpResponse<String> lint = send(request("/api/v1/runbooks/lint", responder)
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofString(markdown)));
        assertThat(lint.statusCode()).isEqualTo(200);
        JsonNode findings = json(lint).get("findings");
        assertThat(findings.size()).isEqualTo(1);
        assertThat(findings.get(0).get("rule").asString()).isEqualTo("template-placeholder");
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(8);
        assertThat(findings.get(0).get("message").asString()).contains("[If known]");
    }

    @Test
    void reparseKeepsVersionsAndIsForAdmins() {
        putMarkdown(slug, "# Reparse me\n", responder);
        assertThat(send(request("/api/v1/runbooks/reparse", responder).POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> reparsed = send(
                request("/api/v1/runbooks/reparse", tokenFor(Role.ADMIN)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reparsed.statusCode()).isEqualTo(200);
        assertThat(json(reparsed).get("reparsed").asInt()).isPositive();
        assertThat(json(reparsed).get("failed").size()).isZero();
        assertThat(json(get("/api/v1/runbooks/" + slug + "/versions", responder))
                        .size())
                .isEqualTo(1);
        assertThat(json(get("/api/v1/runbooks/search?q=" + slug, responder))
                        .get("hits")
                        .get(0)
                        .get("slug")
                        .asString())
                .isEqualTo(slug);
    }

    private HttpResponse<String> putMarkdown(String slug, String markdown, String token) {
        return send(request("/api/v1/runbooks/" + slug, token)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(markdown, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
