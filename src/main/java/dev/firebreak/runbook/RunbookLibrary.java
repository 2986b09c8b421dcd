package dev.firebreak.runbook;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.internal.library.ModelColumns;
import dev.firebreak.runbook.internal.library.ReviewSchedule;
import dev.firebreak.runbook.internal.library.RunbookContent;
import dev.firebreak.runbook.internal.library.RunbookStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned store of runbooks. A put parses the Markdown once and keeps the model JSON beside
 * it, so reads never re-parse; a new version is made only when the content hash changes.
 */
@Service
public class RunbookLibrary {
    private final RunbookStore store;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RunbookProperties properties;
    // Stateless and thread-safe; not a bean so the CLI and the server share one construction.
    private final RunbookParser parser = new RunbookParser();

    RunbookLibrary(
            RunbookStore store,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock,
            RunbookProperties properties) {
        this.store = store;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** Creates or replaces a runbook named after its slug ({@code <slug>.md}). */
    public RunbookRevision put(String slug, byte[] markdown, String author, String source) {
        return put(slug, null, markdown, author, source);
    }

    /**
     * Creates or replaces a runbook.
     *
     * @param fileName the file name it came from (the parser's fallback title), or null
     * @param source api, upload, import or git:&lt;url&gt;@&lt;commit&gt;
     * @throws UnreadableRunbookException (422) when the content is not a readable runbook
     */
    @Transactional
    public RunbookRevision put(String slug, String fileName, byte[] markdown, String author, String source) {
        RunbookSlug valid = RunbookSlug.of(slug);
        String name = fileName == null || fileName.isBlank() ? valid.value() + ".md" : fileName;
        String text = RunbookContent.text(name, markdown);
        String hash = RunbookContent.hash(markdown);
        Optional<RunbookStore.Head> head = store.lockHead(valid.value());
        if (head.isPresent() && head.get().contentHash().equals(hash)) {
            return new RunbookRevision(
                    store.versionOf(valid.value(), head.get().version()).orElseThrow(),
                    RunbookRevision.Outcome.UNCHANGED);
        }
        RunbookModel model = parser.parse(name, markdown, null);
        RunbookMarkdown.checkRenderable(name, text);
        Instant now = clock.instant();
        RunbookStore.Current current = ModelColumns.of(name, model, source, now);
        int number = head.map(h -> h.version() + 1).orElse(1);
        RunbookVersion version = new RunbookVersion(
                valid.value(),
                number,
                hash,
                ModelColumns.clip(author == null ? "unknown" : author, 200),
                current.source(),
                now);
        try {
            long id;
            if (head.isPresent()) {
                id = head.get().id();
                store.updateRunbook(id, number, current, hash);
            } else {
                id = store.insertRunbook(valid.value(), current, hash);
            }
            store.insertVersion(id, version, text, json.writeValueAsString(model));
        } catch (DuplicateKeyException e) {
            throw new FirebreakException.Conflict(
                    "runbook '" + valid.value() + "' was changed at the same time by someone else; try again");
        }
        events.publishEvent(new RunbookChanged(valid.value(), number));
        return new RunbookRevision(
                version, head.isPresent() ? RunbookRevision.Outcome.UPDATED : RunbookRevision.Outcome.CREATED);
    }

    /**
     * The current version. Not found is an answer, not a failure: it must not mark a caller's
     * surrounding transaction rollback-only (incident opening falls back when a route's runbook is gone).
     */
    @Transactional(readOnly = true, noRollbackFor = FirebreakException.class)
    public RunbookDocument get(String slug) {
        return document(slug, 0);
    }

    /** A given version (1 is the first). */
    @Transactional(readOnly = true)
    public RunbookDocument version(String slug, int version) {
        if (version < 1) {
            throw new FirebreakException.BadInput("version", "version numbers start at 1");
        }
        return document(slug, version);
    }

    @Transactional(readOnly = true)
    public List<RunbookSummary> list() {
        return store.list().stream()
                .map(row -> new RunbookSummary(
                        row.slug(),
                        row.title(),
                        row.owner(),
                        row.version(),
                        row.updatedAt(),
                        reviewDue(row.lastUpdated(), row.reviewSchedule(), row.updatedAt()),
                        row.source(),
                        row.lint()))
                .toList();
    }

    /** Every version, oldest first. */
    @Transactional(readOnly = true)
    public List<RunbookVersion> versions(String slug) {
        List<RunbookVersion> versions = store.versions(RunbookSlug.of(slug).value());
        if (versions.isEmpty()) {
            throw notFound(slug);
        }
        return versions;
    }

    /** Unified diff (3 lines of context) from one version's Markdown to another's. */
    @Transactional(readOnly = true)
    public RunbookDiff diff(String slug, int from, int to) {
        RunbookDocument a = version(slug, from);
        RunbookDocument b = version(slug, to);
        List<String> original = a.markdown().lines().toList();
        List<String> revised = b.markdown().lines().toList();
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(
                slug + "@" + from, slug + "@" + to, original, DiffUtils.diff(original, revised), 3);
        return new RunbookDiff(a.slug(), from, to, lines);
    }

    /** Deletes the runbook and all its versions. */
    @Transactional
    public void delete(String slug) {
        String valid = RunbookSlug.of(slug).value();
        if (!store.delete(valid)) {
            throw notFound(slug);
        }
        events.publishEvent(new RunbookDeleted(valid));
    }

    /** Lints Markdown without storing anything. */
    public List<RunbookModel.Finding> lint(String fileName, byte[] markdown) {
        RunbookModel model = read(fileName, markdown);
        return model.findings() == null ? List.of() : model.findings();
    }

    /** Reads Markdown as a save would (same limits and refusals) without storing anything. */
    public RunbookModel read(String fileName, byte[] markdown) {
        String name = fileName == null || fileName.isBlank() ? "runbook.md" : fileName;
        String text = RunbookContent.text(name, markdown);
        RunbookModel model = parser.parse(name, markdown, null);
        RunbookMarkdown.checkRenderable(name, text);
        return model;
    }

    private RunbookDocument document(String slug, int version) {
        String valid = RunbookSlug.of(slug).value();
        RunbookStore.Stored stored = store.find(valid, version)
                .orElseThrow(() -> version == 0 || !store.exists(valid)
                        ? notFound(slug)
                        : new FirebreakException.NotFound("runbook '" + slug + "' has no version " + version));
        RunbookModel model = json.readValue(stored.modelJson(), RunbookModel.class);
        return new RunbookDocument(
                valid,
                stored.fileName(),
                stored.version(),
                reviewDue(
                        stored.lastUpdated(),
                        stored.reviewSchedule(),
                        stored.version().createdAt()),
                LintStatus.of(model.findings()),
                model,
                stored.markdown());
    }

    private LocalDate reviewDue(String lastUpdated, String schedule, Instant storedAt) {
        return ReviewSchedule.due(lastUpdated, schedule, storedAt, properties.defaultReviewPeriod());
    }

    private static FirebreakException notFound(String slug) {
        return new FirebreakException.NotFound("no runbook '" + slug + "'");
    }
}
