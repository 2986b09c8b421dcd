package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.SharedData;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runbook page previews its message templates for a sample incident and lists what nothing fills. */
@Tag("database")
class RunbookTemplatePreviewIT extends ServerTest {
    @Autowired
    RunbookLibrary library;

    @Autowired
    JsonMapper json;

    private final List<String> stored = new ArrayList<>();

    String put(String seed) throws IOException {
        Path file = SharedData.root().resolve("seeds").resolve(seed);
        Assumptions.assumeTrue(Files.exists(file), file + " is absent; skipping");
        String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        library.put(slug, Files.readAllBytes(file), "test", "api");
        stored.add(slug);
        return slug;
    }

    /** Seeds left in the shared database would compete for other tests' alerts (IncidentLifecycleIT). */
    @AfterEach
    void removeSeeds() {
        stored.forEach(library::delete);
    }

    WebSession viewer() {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "viewer-password-123", Role.VIEWER, null, null);
        return login(name, "viewer-password-123");
    }

    @Test
    void eachTemplate_isRenderedForASampleIncident_withUnfilledPlaceholdersMarked() throws IOException {
        String slug = put("002_e59b4eb987172cd9.txt");

        HttpResponse<String> page = getPage(viewer(), "/runbooks/" + slug);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        String preview = section(html, "template-preview");
        assertThat(preview).contains("sample incident");
        assertThat(preview).contains("data-kind=\"initial\"", "data-kind=\"update\"", "data-kind=\"resolution\"");
        // Sample values are marked as such; the template's own words are not.
        assertThat(preview)
                .contains("<span class=\"sample\" title=\"sample title\">Checkout API error rate above 5%</span>")
                .contains("<span class=\"sample\" title=\"sample paged or acknowledging person\">alice</span>")
                .contains("\nService: Counterfactual Lab\nIssue: <span class=\"sample\"");
        assertThat(marked(preview))
                .containsExactlyInAnyOrder(
                        "[What&#39;s being tried next]",
                        "[Expected resolution time]",
                        "[How it was fixed]",
                        "[If known]",
                        "[Tracking item for post-mortem]");
        assertThat(preview).doesNotContain("[SEV-X]", "[Brief description]", "[Timestamp]", "[On-call engineer]");
        assertThat(html).doesNotContain("id=\"built-in-moments\"");

        String findings = section(html, "findings");
        assertThat(findings).contains("template-placeholder");
        assertThat(findings).contains("update template &#39;Update Template&#39;: [What&#39;s being tried next]");
        assertThat(findings).contains("line 237");
    }

    @Test
    void aRunbookWithoutTemplates_hasNoPreviewAndNoTemplateFindings() throws IOException {
        String slug = put("004_1429f39c99ec3357.txt");

        String html = getPage(viewer(), "/runbooks/" + slug).body();

        assertThat(html).doesNotContain("id=\"template-preview\"").doesNotContain("template-placeholder");
    }

    @Test
    void photonsTemplates_keepTheirWords_andTheApiListsTheSame() throws IOException {
        String slug = put("001_8d4f2d1022c3b380.txt");

        String preview = section(getPage(viewer(), "/runbooks/" + slug).body(), "template-preview");

        assertThat(preview).contains("INCIDENT: PhotonMLIR P0 - Service Outage");
        assertThat(preview).contains("Status: <span class=\"sample\" title=\"sample state\">TRIGGERED</span>");
        assertThat(preview).contains("IC: <span class=\"sample\" title=\"sample incident commander\">@carol</span>");
        assertThat(marked(preview))
                .contains("@sme-name", "Brief description", "Steps taken to prevent recurrence", "Date/Time")
                .doesNotContain("$(date -u)", "X hours Y minutes", "@your-name");

        HttpResponse<String> api = get("/api/v1/runbooks/" + slug + "/templates", tokenFor(Role.VIEWER));
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(api.body());
        assertThat(body.get("findings")
                        .valueStream()
                        .map(f -> f.get("message").asString())
                        .toList())
                .anyMatch(m -> m.contains("@sme-name"))
                .noneMatch(m -> m.contains("$(date -u)"));
        assertThat(body.get("preview").get("templates").size()).isEqualTo(3);
        assertThat(body.get("preview").get("builtIn").size()).isZero();
        assertThat(get("/api/v1/runbooks/no-such-runbook/templates", tokenFor(Role.VIEWER))
                        .statusCode())
                .isEqualTo(404);
    }

    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#" + id).isPositive();
        int end = html.indexOf("<div class=\"panel\"", start + 1);
        int article = html.indexOf("<article", start + 1);
        if (end < 0 || (article > 0 && article < end)) {
            end = article;
        }
        return html.substring(start, end < 0 ? html.length() : end);
    }

    static java.util.List<String> marked(String html) {
        Matcher m = Pattern.compile("<mark class=\"unfilled\" title=[^>]*>([^<]*)</mark>")
                .matcher(html);
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return java.util.List.copyOf(found);
    }
}
