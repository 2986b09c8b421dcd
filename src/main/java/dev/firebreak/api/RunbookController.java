package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.LintStatus;
import dev.firebreak.runbook.RunbookDiff;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookRevision;
import dev.firebreak.runbook.RunbookSummary;
import dev.firebreak.runbook.RunbookVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runbooks and their versions: {@code /api/v1/runbooks}. */
@RestController
@RequestMapping("/api/v1/runbooks")
class RunbookController {
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final Set<String> SOURCES = Set.of("api", "upload", "import");

    private final RunbookLibrary library;

    RunbookController(RunbookLibrary library) {
        this.library = library;
    }

    /** A runbook as the API shows it: metadata and parsed model (the Markdown is at /raw). */
    record RunbookView(
            String slug,
            String title,
            String fileName,
            RunbookVersion version,
            LocalDate reviewDue,
            LintStatus lint,
            RunbookModel model) {
        static RunbookView of(RunbookDocument document) {
            return new RunbookView(
                    document.slug(),
                    document.model().title(),
                    document.fileName(),
                    document.version(),
                    document.reviewDue(),
                    document.lint(),
                    document.model());
        }
    }

    /** What a PUT did; outcome is created, updated or unchanged. */
    record PutView(String slug, int version, String contentHash, String outcome, RunbookVersion details) {}

    /** The JSON form of a PUT body. */
    record MarkdownBody(String markdown, String fileName) {}

    @GetMapping
    List<RunbookSummary> list() {
        return library.list();
    }

    @GetMapping("/{slug}")
    ResponseEntity<?> get(
            @PathVariable String slug, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return show(library.get(slug), accept);
    }

    @GetMapping(value = "/{slug}/raw", produces = "text/markdown")
    ResponseEntity<String> raw(@PathVariable String slug) {
        return markdown(library.get(slug));
    }

    @PutMapping(
            value = "/{slug}",
            consumes = {"text/markdown", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<PutView> putText(
            @PathVariable String slug,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String fileName,
            Principal principal) {
        return put(slug, fileName, body, source, principal);
    }

    @PutMapping(value = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PutView> putJson(
            @PathVariable String slug,
            @RequestBody MarkdownBody body,
            @RequestParam(required = false) String source,
            Principal principal) {
        if (body == null || body.markdown() == null) {
            throw new FirebreakException.BadInput("markdown", "the JSON body needs a \"markdown\" string");
        }
        return put(slug, body.fileName(), body.markdown().getBytes(StandardCharsets.UTF_8), source, principal);
    }

    @DeleteMapping("/{slug}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String slug) {
        library.delete(slug);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{slug}/versions")
    List<RunbookVersion> versions(@PathVariable String slug) {
        return library.versions(slug);
    }

    @GetMapping("/{slug}/versions/{version}")
    ResponseEntity<?> version(
            @PathVariable String slug,
            @PathVariable int version,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return show(library.version(slug, version), accept);
    }

    @GetMapping("/{slug}/diff")
    RunbookDiff diff(@PathVariable String slug, @RequestParam int from, @RequestParam int to) {
        return library.diff(slug, from, to);
    }

    private ResponseEntity<PutView> put(String slug, String fileName, byte[] body, String source, Principal principal) {
        String origin =
                source == null || source.isBlank() ? "api" : source.strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(origin)) {
            throw new FirebreakException.BadInput("source", "source must be api, upload or import");
        }
        RunbookRevision revision =
                library.put(slug, fileName, body == null ? new byte[0] : body, principal.getName(), origin);
        RunbookVersion v = revision.version();
        PutView view = new PutView(
                v.slug(),
                v.version(),
                v.contentHash(),
                revision.outcome().name().toLowerCase(Locale.ROOT),
                v);
        if (revision.outcome() == RunbookRevision.Outcome.CREATED) {
            return ResponseEntity.created(URI.create("/api/v1/runbooks/" + v.slug()))
                    .body(view);
        }
        return ResponseEntity.ok(view);
    }

    /** JSON unless the client prefers Markdown ({@code Accept: text/markdown}). */
    private static ResponseEntity<?> show(RunbookDocument document, String accept) {
        if (accept != null) {
            for (MediaType type : MediaType.parseMediaTypes(accept).stream()
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue)
                            .reversed())
                    .toList()) {
                if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    break;
                }
                if (type.isCompatibleWith(MARKDOWN) && !type.isWildcardSubtype()) {
                    return markdown(document);
                }
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(RunbookView.of(document));
    }

    private static ResponseEntity<String> markdown(RunbookDocument document) {
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(HttpHeaders.ETAG, "\"" + document.version().contentHash() + "\"")
                .body(document.markdown());
    }
}
