package dev.firebreak.postmortem;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.postmortem.internal.ActionItemDue;
import dev.firebreak.postmortem.internal.ActionItemStore;
import dev.firebreak.postmortem.internal.PostmortemStore;
import dev.firebreak.runbook.RunbookChanged;
import dev.firebreak.runbook.RunbookLibrary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items of postmortems: an owner, a due date (a preset of the seeds' 24 hours, 1 week, 1
 * month, or a date), a status and a link back. A timer staged with each item reminds its owner once
 * it is overdue; "update the runbook" items close when a newer version of the runbook is stored.
 */
@Service
public class ActionItems {
    /** A new item. {@code due} or {@code preset} sets the due date; {@code runbook} ties it to the incident's runbook. */
    public record NewItem(String title, String owner, Instant due, String preset, boolean runbook) {}

    /** A change; null fields stay as they are. */
    public record Change(String title, String owner, Instant due, ActionItemStatus status) {}

    static final String SYSTEM = "firebreak";
    private static final int MAX_TITLE = 500;
    private final ActionItemStore store;
    private final PostmortemStore postmortems;
    private final RunbookLibrary runbooks;
    private final dev.firebreak.incident.Incidents incidents;
    private final UserAccounts users;
    private final ActionItemDue due;
    private final Clock clock;

    ActionItems(
            ActionItemStore store,
            PostmortemStore postmortems,
            RunbookLibrary runbooks,
            dev.firebreak.incident.Incidents incidents,
            UserAccounts users,
            ActionItemDue due,
            Clock clock) {
        this.store = store;
        this.postmortems = postmortems;
        this.runbooks = runbooks;
        this.incidents = incidents;
        this.users = users;
        this.due = due;
        this.clock = clock;
    }

    @Transactional
    public ActionItem add(long postmortemId, NewItem item, String actor) {
        users.requireResponder(actor, "only responders and admins add action items");
        Postmortem postmortem = postmortems
                .find(postmortemId)
                .orElseThrow(() -> new FirebreakException.NotFound("no postmortem " + postmortemId));
        Instant now = clock.instant();
        String title = title(item.title());
        String owner = owner(item.owner());
        Instant dueAt = dueAt(item.due(), item.preset(), now);
        String slug = null;
        Integer version = null;
        if (item.runbook()) {
            // The incident's runbook at its version now: a later one is the update this item asks for.
            var incidentRunbook = runbookOf(postmortem);
            slug = incidentRunbook.slug();
            version = incidentRunbook.version().version();
        }
        long id = store.insert(new ActionItem(
                0,
                postmortemId,
                postmortem.incidentId(),
                title,
                owner,
                dueAt,
                ActionItemStatus.OPEN,
                slug,
                version,
                actor,
                now,
                null,
                null));
        due.stage(id, dueAt);
        return get(id);
    }

    @Transactional
    public ActionItem change(long id, Change change, String actor) {
        users.requireResponder(actor, "only responders and admins change action items");
        ActionItem item = store.lock(id).orElseThrow(() -> notFound(id));
        String title = change.title() == null ? item.title() : title(change.title());
        String owner = change.owner() == null ? item.owner() : owner(change.owner());
        Instant dueAt = change.due() == null ? item.dueAt() : change.due();
        ActionItemStatus status = change.status() == null ? item.status() : change.status();
        store.update(id, title, owner, dueAt, status, actor, clock.instant());
        if (status == ActionItemStatus.OPEN
                && (!dueAt.equals(item.dueAt()) || item.status() != ActionItemStatus.OPEN)) {
            due.stage(id, dueAt);
        }
        return get(id);
    }

    public ActionItem get(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<ActionItem> forPostmortem(long postmortemId) {
        return store.list(new ActionItemStore.Filter(postmortemId, null, null, null, 500));
    }

    /** Items by status and owner; {@code overdue} keeps open ones past their due date. */
    public List<ActionItem> list(ActionItemStatus status, String owner, boolean overdue, int limit) {
        Instant now = clock.instant();
        return store.list(new ActionItemStore.Filter(
                null,
                overdue ? ActionItemStatus.OPEN : status,
                owner,
                overdue ? now : null,
                Math.clamp(limit, 1, 500)));
    }

    /** A newer version of a runbook is the update its open items asked for. */
    @ApplicationModuleListener
    void on(RunbookChanged changed) {
        Instant now = clock.instant();
        for (ActionItem item : store.openForRunbook(changed.slug(), changed.version())) {
            store.update(item.id(), item.title(), item.owner(), item.dueAt(), ActionItemStatus.DONE, SYSTEM, now);
        }
    }

    private dev.firebreak.runbook.RunbookDocument runbookOf(Postmortem postmortem) {
        String slug = incidents.get(postmortem.incidentId()).runbookSlug();
        if (slug == null) {
            throw new FirebreakException.BadInput(
                    "runbook", "incident " + postmortem.incidentId() + " has no runbook to update");
        }
        return runbooks.get(slug);
    }

    private String title(String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TITLE || text.contains("\n")) {
            throw new FirebreakException.BadInput(
                    "title", "an action item needs a title of one line, 1 to " + MAX_TITLE + " characters");
        }
        return text.strip();
    }

    private String owner(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return users.find(name.strip())
                .map(u -> u.username())
                .orElseThrow(() -> new FirebreakException.BadInput("owner", "no user named '" + name.strip() + "'"));
    }

    private static Instant dueAt(Instant due, String preset, Instant now) {
        if (due != null) {
            return due;
        }
        if (preset == null || preset.isBlank()) {
            return now.plus(DuePreset.DAY.after());
        }
        return DuePreset.of(preset)
                .map(p -> now.plus(p.after()))
                .orElseThrow(() -> new FirebreakException.BadInput(
                        "preset", "preset must be 24h, 1w or 1m, not '" + preset + "'"));
    }

    private static FirebreakException notFound(long id) {
        return new FirebreakException.NotFound("no action item " + id);
    }
}
