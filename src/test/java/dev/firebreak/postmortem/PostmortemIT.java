package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Postmortems and action items over the real API: drafting, versions, states, exports, sanitizing, items. */
@Tag("database")
class PostmortemIT extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SEED_001 = Path.of("../shared/seeds/001_8d4f2d1022c3b380.txt");

    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    String token;
    String viewerToken;
    String user;
    String slug;

    @BeforeEach
    void setUp() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        user = "pm-" + id;
        accounts.create(user, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
        token = tokens.create(accounts.find(user).orElseThrow().id(), "test", null)
                .secret();
        viewerToken = tokenFor(Role.VIEWER);
        slug = "photon-" + id;
        library.put(slug, slug + ".md", Files.readAllBytes(SEED_001), "test", "api");
    }

    long resolvedIncident(String title) {
        String key = AlertGroups.key();
        var alert = AlertGroups.alert(
                "PmAlert" + UUID.randomUUID().toString().substring(0, 6), Map.of(), clock.instant(), title);
        alertGroups().fire(new AlertGroup(key, "default", Map.of(), "photon", null, "critical", slug, List.of(alert)));
        long id =
                incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
        clock.advance(Duration.ofMinutes(4));
        incidents.acknowledge(id, user);
        incidents.note(id, user, "rolled back | the | compiler");
        clock.advance(Duration.ofMinutes(30));
        incidents.resolve(id, user);
        return id;
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    HttpResponse<String> draft(long incident, String as) {
        return sendJson("POST", "/api/v1/incidents/" + incident + "/postmortem", as, "");
    }

    HttpResponse<String> edit(long id, int version, String markdown) {
        return sendJson(
                "PUT",
                "/api/v1/postmortems/" + id,
                token,
                JSON.writeValueAsString(Map.of("markdown", markdown, "version", version)));
    }

    @Test
    void aResolvedIncidentIsDraftedFromItsTimelineAndTheRunbooksTemplate() {
        String key = AlertGroups.key();
        alertGroups()
                .fire(new AlertGroup(
                        key,
                        "default",
                        Map.of(),
                        "photon",
                        null,
                        "critical",
                        slug,
                        List.of(AlertGroups.alert("PmOpen", Map.of(), clock.instant()))));
        long open =
                incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
        HttpResponse<String> early = draft(open, token);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("detail").asString()).contains("once it is resolved");

        long id = resolvedIncident("Compiler queue stuck");
        assertThat(draft(id, viewerToken).statusCode()).isEqualTo(403);
        HttpResponse<String> drafted = draft(id, token);
        assertThat(drafted.statusCode()).isEqualTo(201);
        JsonNode p = json(drafted);
        assertThat(p.get("state").asString()).isEqualTo("DRAFT");
        assertThat(p.get("version").asInt()).isEqualTo(1);
        String md = p.get("markdown").asString();
        assertThat(md)
                .contains("## Summary", "## Impact", "## Timeline", "## Root Cause", "## Contributing Factors")
                .contains("## What Went Well", "## What Went Badly")
                // seed 001's Action Items Template replaces the built-in section
                .contains("### Immediate (Complete within 24 hours)", "### Responsible Parties", "@engineering-team")
                .contains("acknowledged", "rolled back \\| the \\| compiler")
                .contains("| Duration | 34 min |");
        assertThat(draft(id, token).statusCode()).isEqualTo(409);
        assertThat(json(get("/api/v1/incidents/" + id + "/postmortem", viewerToken))
                        .get("id")
                        .asLong())
                .isEqualTo(p.get("id").asLong());
    }

    @Test
    void twoPeopleEditingAtOnceNeverLoseAnEditSilently() {
        long id = json(draft(resolvedIncident("Two editors"), token)).get("id").asLong();
        assertThat(edit(id, 1, "# Mine\n\nroot cause: a bad flag\n").statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = edit(id, 1, "# Theirs\n");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("detail").asString()).contains("version 2", "after version 1", user);
        JsonNode now = json(get("/api/v1/postmortems/" + id, token));
        assertThat(now.get("markdown").asString()).contains("a bad flag");
        // If-Match names the version too; a missing one is a clear 400.
        HttpResponse<String> viaHeader = send(HttpRequest.newBuilder(uri("/api/v1/postmortems/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"2\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Postmortem: flags\"}")));
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaHeader.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(sendJson("PUT", "/api/v1/postmortems/" + id, token, "{\"markdown\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void statesGoDraftReviewPublished() {
        long id = json(draft(resolvedIncident("States"), token)).get("id").asLong();
        String path = "/api/v1/postmortems/" + id + "/state";
        assertThat(sendJson("POST", path, token, "{\"state\":\"published\",\"version\":1}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(sendJson("POST", path, token, "{\"state\":\"bogus\",\"version\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", path, token, "{\"state\":\"in_review\",\"version\":1}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode published = json(sendJson("POST", path, token, "{\"state\":\"published\",\"version\":2}"));
        assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("publishedAt").isNull()).isFalse();
        assertThat(json(get("/api/v1/postmortems?state=published", viewerToken)).findValuesAsString("state"))
                .containsOnly("PUBLISHED");
    }

    @Test
    void exportsAsMarkdownWithTrackedItemsAndAsAPdfThatRendersToPages() throws Exception {
        long id = json(draft(resolvedIncident("Exported"), token)).get("id").asLong();
        sendJson(
                "POST",
                "/api/v1/postmortems/" + id + "/action-items",
                token,
                "{\"title\":\"Alert on queue depth\",\"owner\":\"" + user + "\",\"preset\":\"1w\"}");
        HttpResponse<String> md = get("/api/v1/postmortems/" + id + "/export?format=md", viewerToken);
        assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(md.body()).contains("## Tracked Action Items", "Alert on queue depth", user);

        HttpResponse<byte[]> pdf = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/postmortems/" + id + "/export?format=pdf"))
                        .header("Authorization", "Bearer " + viewerToken)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Postmortem: Exported", "Timeline");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 50);
            long ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFF) < 128) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("dark pixels on page 1").isGreaterThan(500);
        }
        assertThat(get("/api/v1/postmortems/" + id + "/export?format=docx", token)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void scriptsAndUnsafeLinksNeverReachThePageAndHugeOrDeepTextIsRefused() {
        long id = json(draft(resolvedIncident("Hostile"), token)).get("id").asLong();
        String hostile = "# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " ![i](data:image/png;base64,AAAA) [ok](https://example.org/x)\n";
        assertThat(edit(id, 1, hostile).statusCode()).isEqualTo(200);
        String html =
                get("/api/v1/postmortems/" + id + "/export?format=html", token).body();
        assertThat(html.toLowerCase())
                .doesNotContain("<script", "javascript:", "data:")
                .doesNotContainPattern("<[^>]*\\son\\w+=")
                .contains("href=\"https://example.org/x\"", "&lt;script&gt;", "&lt;img src=x");
        String preview = json(sendJson(
                        "POST",
                        "/api/v1/postmortems/preview",
                        token,
                        JSON.writeValueAsString(Map.of("markdown", hostile))))
                .get("html")
                .asString();
        assertThat(preview.toLowerCase())
                .doesNotContain("<script", "javascript:")
                .doesNotContainPattern("<[^>]*\\son\\w+=");

        HttpResponse<String> huge = edit(id, 2, "x".repeat(300 * 1024));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).get("detail").asString()).contains("at most");
        HttpResponse<String> deep = edit(id, 2, ">".repeat(5000) + " deep\n");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(json(deep).get("detail").asString()).contains("nested");
        HttpResponse<String> deepLists = edit(id, 2, "- a\n".repeat(1) + "  - b\n".repeat(1) + nestedList(300));
        assertThat(deepLists.statusCode()).isEqualTo(400);
        assertThat(json(get("/api/v1/postmortems/" + id, token)).get("version").asInt())
                .isEqualTo(2);
    }

    static String nestedList(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        return s.toString();
    }

    @Test
    void actionItemsHaveOwnersPresetsAndARunbookItemClosesOnANewVersion() throws Exception {
        long incident = resolvedIncident("Items");
        long id = json(draft(incident, token)).get("id").asLong();
        String items = "/api/v1/postmortems/" + id + "/action-items";
        JsonNode week = json(sendJson(
                "POST",
                items,
                token,
                "{\"title\":\"Add automated recovery\",\"owner\":\"" + user + "\",\"preset\":\"1w\"}"));
        assertThat(Duration.between(
                                clock.instant().plus(Duration.ofDays(7)),
                                java.time.Instant.parse(week.get("dueAt").asString()))
                        .abs())
                .isLessThan(Duration.ofMillis(1));
        assertThat(sendJson("POST", items, token, "{\"title\":\"x\",\"preset\":\"2y\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", items, token, "{\"title\":\"x\",\"owner\":\"nobody-such\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", items, token, "{\"owner\":\"" + user + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", items, viewerToken, "{\"title\":\"x\"}").statusCode())
                .isEqualTo(403);
        JsonNode runbook = json(sendJson("POST", items, token, "{\"title\":\"Update the runbook\",\"runbook\":true}"));
        assertThat(runbook.get("runbookSlug").asString()).isEqualTo(slug);

        clock.advance(Duration.ofDays(2));
        assertThat(json(get("/api/v1/action-items?overdue=true", token)).findValuesAsString("title"))
                .contains("Update the runbook")
                .doesNotContain("Add automated recovery");

        library.put(
                slug,
                slug + ".md",
                (Files.readString(SEED_001) + "\n\nUpdated after the review.\n").getBytes(StandardCharsets.UTF_8),
                "test",
                "api");
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get(
                        "/api/v1/action-items/" + runbook.get("id").asLong(), token))
                .get("status")
                .asString()
                .equals("DONE"));
        assertThat(json(get("/api/v1/action-items/" + week.get("id").asLong(), token))
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        JsonNode done = json(
                sendJson("PATCH", "/api/v1/action-items/" + week.get("id").asLong(), token, "{\"status\":\"done\"}"));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("closedBy").asString()).isEqualTo(user);
        assertThat(sendJson("PATCH", "/api/v1/action-items/" + week.get("id").asLong(), token, "{\"status\":\"later\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    record Cli(int code, String out, String err) {}

    Cli cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + port, "--token", token));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = dev.firebreak.cli.FirebreakCli.run(
                all.toArray(String[]::new), new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void theCliDraftsExportsAndTracksItems(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        long incident = resolvedIncident("From the terminal");
        Cli drafted = cli("postmortem", "draft", Long.toString(incident));
        assertThat(drafted.code()).as(drafted.err()).isZero();
        long id = Long.parseLong(drafted.out().replaceAll("(?s)^postmortem (\\d+) .*", "$1"));
        Cli again = cli("postmortem", "draft", Long.toString(incident));
        assertThat(again.code()).isNotZero();
        assertThat(again.err().strip()).contains("has postmortem " + id).doesNotContain("\n");
        assertThat(cli("action-item", "add", Long.toString(id), "Page on queue depth", "--owner", user, "--due", "1w")
                        .code())
                .isZero();
        Cli bad = cli("action-item", "add", Long.toString(id), "x", "--due", "someday");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("24h, 1w or 1m");
        assertThat(cli("action-item", "list", "--owner", user).out()).contains("Page on queue depth");
        assertThat(cli("postmortem", "show", Long.toString(id)).out()).contains("## Timeline", "Page on queue depth");
        Path pdf = dir.resolve("pm.pdf");
        assertThat(cli("postmortem", "export", Long.toString(id), "--format", "pdf", "-o", pdf.toString())
                        .code())
                .isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(cli("postmortem", "export", Long.toString(id), "--format", "doc", "-o", pdf.toString())
                        .code())
                .isEqualTo(2);
        assertThat(cli("postmortem", "state", Long.toString(id), "in_review").out())
                .contains("in_review");
        assertThat(cli("postmortem", "list", "--state", "in_review").out()).contains("From the terminal");
    }
}
