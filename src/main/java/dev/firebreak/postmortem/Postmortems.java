package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.postmortem.internal.PostmortemProperties;
import dev.firebreak.postmortem.internal.PostmortemStore;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postmortems of resolved incidents: drafted from the incident and its runbook, edited with a
 * version check (a save made on an older version is refused with both versions named, never merged
 * silently), moved through draft, review and published, exported as Markdown and PDF.
 */
@Service
public class Postmortems {
    private static final int MAX_TITLE = 500;
    private final PostmortemStore store;
    private final Incidents incidents;
    private final RunbookLibrary runbooks;
    private final UserAccounts users;
    private final PostmortemHtml html;
    private final ActionItems items;
    private final PostmortemProperties properties;
    private final Clock clock;

    Postmortems(
            PostmortemStore store,
            Incidents incidents,
            RunbookLibrary runbooks,
            UserAccounts users,
            PostmortemHtml html,
            ActionItems items,
            PostmortemProperties properties,
            Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.users = users;
        this.html = html;
        this.items = items;
        this.properties = properties;
        this.clock = clock;
    }

    /** Drafts the postmortem of a resolved incident; an incident has one. */
    @Transactional
    public Postmortem draft(long incidentId, String actor) {
        requireWriter(actor);
        IncidentDetails details = incidents.details(incidentId);
        if (details.incident().state() != IncidentState.RESOLVED) {
            throw new FirebreakException.Conflict("incident " + incidentId + " is "
                    + details.incident().lowerState() + "; a postmortem is drafted once it is resolved");
        }
        store.forIncident(incidentId).ifPresent(existing -> {
            throw exists(incidentId, existing.id());
        });
        String markdown =
                PostmortemDrafts.markdown(details, runbook(details.incident().runbookSlug()));
        try {
            long id = store.insert(
                    incidentId, PostmortemDrafts.title(details.incident()), markdown, actor, clock.instant());
            return get(id);
        } catch (DuplicateKeyException raced) {
            throw new FirebreakException.Conflict("incident " + incidentId + " got its postmortem a moment ago");
        }
    }

    public Postmortem get(long id) {
        return store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no postmortem " + id));
    }

    public Optional<Postmortem> forIncident(long incidentId) {
        return store.forIncident(incidentId);
    }

    public List<Postmortem> list(PostmortemState state, int limit) {
        return store.list(state, Math.clamp(limit, 1, 500));
    }

    /** Saves an edit made on {@code version}; a newer save by somebody else refuses it (409). */
    @Transactional
    public Postmortem edit(long id, int version, String title, String markdown, String actor) {
        requireWriter(actor);
        Postmortem current = get(id);
        String t = title == null || title.isBlank() ? current.title() : title.strip();
        if (t.length() > MAX_TITLE || t.contains("\n")) {
            throw new FirebreakException.BadInput(
                    "title", "title must be one line of at most " + MAX_TITLE + " characters");
        }
        String text = markdown == null ? current.markdown() : markdown;
        checkText(text);
        if (!store.update(id, version, t, text, actor, clock.instant())) {
            throw stale(get(id), version);
        }
        return get(id);
    }

    /** Moves it along draft, in review, published; the version check holds here too. */
    @Transactional
    public Postmortem move(long id, int version, PostmortemState to, String actor) {
        requireWriter(actor);
        Postmortem current = get(id);
        if (!current.state().canMoveTo(to)) {
            throw new FirebreakException.Conflict(
                    "a postmortem " + word(current.state()) + " cannot become " + word(to));
        }
        if (!store.move(id, version, to, actor, clock.instant())) {
            throw stale(get(id), version);
        }
        return get(id);
    }

    /** The text with its tracked action items, as a file to keep. */
    public String markdown(long id) {
        Postmortem postmortem = get(id);
        List<ActionItem> tracked = items.forPostmortem(id);
        if (tracked.isEmpty()) {
            return postmortem.markdown();
        }
        StringBuilder md =
                new StringBuilder(postmortem.markdown().stripTrailing()).append("\n\n## Tracked Action Items\n\n");
        md.append("| # | Item | Owner | Due (UTC) | Status |\n|---|---|---|---|---|\n");
        for (ActionItem item : tracked) {
            md.append("| ")
                    .append(item.id())
                    .append(" | ")
                    .append(PostmortemDrafts.cell(item.title()))
                    .append(item.runbookSlug() == null ? "" : " (runbook " + item.runbookSlug() + ")")
                    .append(" | ")
                    .append(item.owner() == null ? "" : PostmortemDrafts.cell(item.owner()))
                    .append(" | ")
                    .append(PostmortemDrafts.time(item.dueAt()))
                    .append(" | ")
                    .append(item.status().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" |\n");
        }
        return md.toString();
    }

    public String html(long id) {
        return html.render(get(id).markdown());
    }

    /** What {@code markdown} looks like rendered, for the editor's live preview; nothing is stored. */
    public String preview(String markdown) {
        checkText(markdown == null ? "" : markdown);
        return html.render(markdown == null ? "" : markdown);
    }

    public byte[] pdf(long id) {
        Postmortem postmortem = get(id);
        return html.pdf(postmortem.title(), markdown(id));
    }

    private void checkText(String markdown) {
        long bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxMarkdown().toBytes()) {
            throw new FirebreakException.BadInput(
                    "markdown",
                    "the text is " + bytes + " bytes; at most "
                            + properties.maxMarkdown().toBytes() + " are kept");
        }
        if (markdown.indexOf('\0') >= 0) {
            throw new FirebreakException.BadInput("markdown", "the text must not contain NUL characters");
        }
        html.check(markdown);
    }

    void requireWriter(String actor) {
        users.requireResponder(actor, "only responders and admins write postmortems");
    }

    private RunbookModel runbook(String slug) {
        if (slug == null) {
            return null;
        }
        try {
            return runbooks.get(slug).model();
        } catch (FirebreakException.NotFound deleted) {
            return null;
        }
    }

    private static FirebreakException stale(Postmortem now, int version) {
        return new FirebreakException.Conflict("postmortem " + now.id() + " was saved by " + now.updatedBy() + " at "
                + PostmortemDrafts.time(now.updatedAt()) + " UTC (version " + now.version() + ") after version "
                + version + " you edited; your text is not saved: reload, merge your change and save again");
    }

    static FirebreakException exists(long incidentId, long postmortemId) {
        return new FirebreakException.Conflict(
                "incident " + incidentId + " has postmortem " + postmortemId + " already");
    }

    static String word(PostmortemState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
