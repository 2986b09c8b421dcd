package dev.firebreak.runbook;

import dev.firebreak.runbook.internal.library.ModelColumns;
import dev.firebreak.runbook.internal.library.RunbookStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses every runbook's current version again and replaces its stored model, making no new
 * versions: models are stored so reads never parse, so a newer parser needs this to show its work.
 */
@Service
public class RunbookReparse {
    private final RunbookStore store;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RunbookParser parser = new RunbookParser();

    RunbookReparse(
            RunbookStore store,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions) {
        this.store = store;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** What a reparse did; failed lists "slug: reason" for runbooks the parser refused. */
    public record Report(int reparsed, List<String> failed) {}

    /** One transaction per runbook, so a long run never holds the whole library locked. */
    public Report all() {
        int reparsed = 0;
        List<String> failed = new ArrayList<>();
        for (String slug : store.slugs()) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> one(slug)))) {
                    reparsed++;
                }
            } catch (RuntimeException e) {
                failed.add(slug + ": " + e.getMessage());
            }
        }
        return new Report(reparsed, failed);
    }

    private boolean one(String slug) {
        Optional<RunbookStore.Head> head = store.lockHead(slug);
        Optional<RunbookStore.Stored> stored = store.find(slug, 0);
        if (head.isEmpty() || stored.isEmpty()) {
            return false; // deleted meanwhile
        }
        RunbookStore.Stored current = stored.get();
        RunbookModel model =
                parser.parse(current.fileName(), current.markdown().getBytes(StandardCharsets.UTF_8), null);
        RunbookStore.Current columns =
                ModelColumns.of(current.fileName(), model, current.version().source(), clock.instant());
        store.updateModel(head.get().id(), head.get().version(), columns, json.writeValueAsString(model));
        events.publishEvent(new RunbookChanged(slug, head.get().version()));
        return true;
    }
}
