package dev.firebreak.api;

import dev.firebreak.notify.MessageTemplates;
import dev.firebreak.notify.TemplatePreviews;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A runbook's message templates as notifications read them: {@code GET
 * /api/v1/runbooks/{slug}/templates}, the placeholders no incident field fills (findings, rule
 * {@code template-placeholder}) and each template rendered for a sample incident.
 */
@RestController
class RunbookTemplatesController {
    private final RunbookLibrary library;
    private final MessageTemplates templates;

    RunbookTemplatesController(RunbookLibrary library, MessageTemplates templates) {
        this.library = library;
        this.templates = templates;
    }

    record TemplatesView(String slug, int version, List<RunbookModel.Finding> findings, TemplatePreviews preview) {}

    @GetMapping("/api/v1/runbooks/{slug}/templates")
    TemplatesView templates(@PathVariable String slug) {
        RunbookDocument doc = library.get(slug);
        return new TemplatesView(
                doc.slug(),
                doc.version().version(),
                MessageTemplates.findings(doc.model()),
                templates.preview(doc.slug(), doc.model()));
    }
}
