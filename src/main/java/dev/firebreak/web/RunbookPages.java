package dev.firebreak.web;

import dev.firebreak.notify.MessageTemplates;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookRevision;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.RunbookSlug;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The runbook library in the browser: list and search, one runbook (with its message templates'
 * findings and previews), its history and diffs, upload.
 */
@Controller
class RunbookPages {
    private final RunbookLibrary library;
    private final RunbookSearch search;
    private final RunbookHtml html;
    private final MessageTemplates templates;
    private final Clock clock;

    RunbookPages(
            RunbookLibrary library, RunbookSearch search, RunbookHtml html, MessageTemplates templates, Clock clock) {
        this.library = library;
        this.search = search;
        this.html = html;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/runbooks")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("activeNav", "runbooks");
        model.addAttribute("q", q);
        model.addAttribute("runbooks", library.list());
        model.addAttribute("today", LocalDate.now(clock));
        if (!q.isBlank()) {
            model.addAttribute("hits", plain(search.search(q, 20)));
        }
        return "runbooks";
    }

    /** Snippets as text: they are cut from Markdown, and its marks read as noise in a result. */
    private static java.util.List<dev.firebreak.runbook.SearchHit> plain(
            java.util.List<dev.firebreak.runbook.SearchHit> hits) {
        return hits.stream()
                .map(h -> new dev.firebreak.runbook.SearchHit(
                        h.slug(), h.title(), h.score(), h.matched(), Snippets.plain(h.snippet()), h.reason()))
                .toList();
    }

    /** The live search box asks for this fragment as the user types (htmx). */
    @GetMapping("/runbooks/search")
    String searchResults(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", q.isBlank() ? java.util.List.of() : plain(search.search(q, 20)));
        return "runbooks :: results";
    }

    @GetMapping("/runbooks/{slug}")
    String show(@PathVariable String slug, Model model) {
        return page(library.get(slug), model, false);
    }

    /** The Markdown as stored, as plain text so a browser shows rather than runs it. */
    @GetMapping(value = "/runbooks/{slug}/raw", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String raw(@PathVariable String slug) {
        return library.get(slug).markdown();
    }

    @GetMapping("/runbooks/{slug}/versions/{version}")
    String showVersion(@PathVariable String slug, @PathVariable int version, Model model) {
        return page(library.version(slug, version), model, true);
    }

    @GetMapping("/runbooks/{slug}/history")
    String history(
            @PathVariable String slug,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Model model) {
        RunbookDocument current = library.get(slug);
        model.addAttribute("activeNav", "runbooks");
        model.addAttribute("doc", current);
        model.addAttribute("versions", library.versions(slug));
        int newest = current.version().version();
        int right = to == null ? newest : to;
        int left = from == null ? Math.max(1, right - 1) : from;
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        if (left != right) {
            model.addAttribute("diff", library.diff(slug, left, right));
        }
        return "runbook-history";
    }

    @PostMapping("/runbooks/upload")
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String slug,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            String name = file.getOriginalFilename() == null ? "runbook.md" : file.getOriginalFilename();
            String target = slug.isBlank()
                    ? RunbookSlug.fromPath(Path.of(name).getFileName()).value()
                    : RunbookSlug.of(slug.strip()).value();
            RunbookRevision revision = library.put(target, name, file.getBytes(), principal.getName(), "upload");
            redirect.addFlashAttribute(
                    "message",
                    revision.outcome().name().toLowerCase() + " " + target + " (version "
                            + revision.version().version() + ")");
            return "redirect:/runbooks/" + target;
        } catch (FirebreakException | IOException | InvalidPathException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/runbooks";
        }
    }

    private String page(RunbookDocument doc, Model model, boolean oldVersion) {
        model.addAttribute("activeNav", "runbooks");
        model.addAttribute("doc", doc);
        model.addAttribute("m", doc.model());
        model.addAttribute("oldVersion", oldVersion);
        model.addAttribute("html", html.render(doc.markdown(), doc.model()));
        // Notify reads the templates; its findings sit beside the parser's lint.
        model.addAttribute("templateFindings", MessageTemplates.findings(doc.model()));
        model.addAttribute("previews", templates.preview(doc.slug(), doc.model()));
        return "runbook";
    }
}
