package dev.firebreak.api;

import dev.firebreak.notify.MessageTemplates;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.LintStatus;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookReparse;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.SearchHit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Library-wide actions: {@code /api/v1/runbooks/search}, {@code .../lint}, {@code .../reparse}. */
@RestController
@RequestMapping("/api/v1/runbooks")
class RunbookSearchController {
    private final RunbookSearch search;
    private final RunbookLibrary library;
    private final RunbookReparse reparse;

    RunbookSearchController(RunbookSearch search, RunbookLibrary library, RunbookReparse reparse) {
        this.search = search;
        this.library = library;
        this.reparse = reparse;
    }

    record SearchView(String query, String alert, List<SearchHit> hits) {}

    record LintView(LintStatus status, List<RunbookModel.Finding> findings) {}

    /**
     * {@code ?q=TEXT} searches text; {@code ?alert=NAME&label.k=v&annotation.k=v} finds the
     * runbooks for a firing alert.
     */
    @GetMapping("/search")
    SearchView search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String alert,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam Map<String, String> params) {
        Map<String, String> labels = prefixed(params, "label.");
        Map<String, String> annotations = prefixed(params, "annotation.");
        boolean alertLookup = (alert != null && !alert.isBlank()) || labels.containsKey("alertname");
        if (alertLookup) {
            return new SearchView(q, alert, search.forAlert(alert, labels, annotations, limit));
        }
        if (q == null || q.isBlank()) {
            throw new FirebreakException.BadInput("q", "give ?q=TEXT or ?alert=NAME");
        }
        return new SearchView(q, null, search.search(q, limit));
    }

    @PostMapping(
            value = "/lint",
            consumes = {"text/markdown", MediaType.TEXT_PLAIN_VALUE})
    LintView lint(@RequestBody(required = false) byte[] body, @RequestParam(required = false) String fileName) {
        RunbookModel model = library.read(fileName, body == null ? new byte[0] : body);
        // The parser's findings, then the message templates' placeholders, as `runbook lint` prints.
        List<RunbookModel.Finding> findings = new ArrayList<>();
        if (model.findings() != null) {
            findings.addAll(model.findings());
        }
        findings.addAll(MessageTemplates.findings(model));
        return new LintView(LintStatus.of(findings), findings);
    }

    @PostMapping(value = "/lint", consumes = MediaType.APPLICATION_JSON_VALUE)
    LintView lintJson(@RequestBody RunbookController.MarkdownBody body) {
        if (body == null || body.markdown() == null) {
            throw new FirebreakException.BadInput("markdown", "the JSON body needs a \"markdown\" string");
        }
        return lint(body.markdown().getBytes(StandardCharsets.UTF_8), body.fileName());
    }

    /** Re-reads every runbook with the running parser (after an upgrade); makes no new versions. */
    @PostMapping("/reparse")
    @PreAuthorize("hasRole('ADMIN')")
    RunbookReparse.Report reparse() {
        return reparse.all();
    }

    private static Map<String, String> prefixed(Map<String, String> params, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }
}
