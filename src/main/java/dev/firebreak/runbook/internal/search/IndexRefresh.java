package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.RunbookChanged;
import dev.firebreak.runbook.RunbookDeleted;
import dev.firebreak.runbook.internal.library.RunbookStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link RunbookIndex} in step with the database: a full build at start, this node's own
 * changes as they commit, and other nodes' changes when the library's fingerprint moves.
 */
@Component
class IndexRefresh {
    private static final Logger log = LoggerFactory.getLogger(IndexRefresh.class);

    private final RunbookIndex index;
    private final RunbookStore store;
    private final JsonMapper json;
    private final boolean enabled;
    private volatile RunbookStore.Fingerprint seen;

    IndexRefresh(
            RunbookIndex index, RunbookStore store, JsonMapper json, @Value("${firebreak.mode:server}") String mode) {
        this.index = index;
        this.store = store;
        this.json = json;
        // `firebreak admin ...` starts a short-lived context that never searches.
        this.enabled = !"admin".equals(mode);
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        if (!enabled) {
            return;
        }
        RunbookStore.Fingerprint before = store.fingerprint();
        List<IndexedRunbook> runbooks = new ArrayList<>();
        for (String slug : store.slugs()) {
            load(slug).ifPresent(runbooks::add);
        }
        index.replaceAll(runbooks);
        seen = before;
        log.info("search index built with {} runbooks", runbooks.size());
    }

    // After commit, so a rolled-back put never reaches the index; synchronous, so the writer's
    // next search already sees its change.
    @TransactionalEventListener(fallbackExecution = true)
    void changed(RunbookChanged event) {
        load(event.slug()).ifPresent(index::put);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(RunbookDeleted event) {
        index.remove(event.slug());
    }

    /** Cheap check first; only when the database moved are stamps compared and runbooks reloaded. */
    @Scheduled(
            fixedDelayString = "${firebreak.runbooks.search-refresh:10s}",
            initialDelayString = "${firebreak.runbooks.search-refresh:10s}")
    void refreshFromDatabase() {
        if (seen == null) {
            return; // not built yet (or never, in admin mode)
        }
        RunbookStore.Fingerprint now = store.fingerprint();
        if (Objects.equals(now, seen)) {
            return;
        }
        Map<String, String> database = store.stamps();
        Map<String, String> indexed = index.stamps();
        for (Map.Entry<String, String> head : database.entrySet()) {
            if (!head.getValue().equals(indexed.get(head.getKey()))) {
                load(head.getKey()).ifPresent(index::put);
            }
        }
        for (String slug : indexed.keySet()) {
            if (!database.containsKey(slug)) {
                index.remove(slug);
            }
        }
        seen = now;
    }

    private Optional<IndexedRunbook> load(String slug) {
        try {
            return store.find(slug, 0).map(stored -> IndexedRunbook.of(stored, json));
        } catch (RuntimeException e) {
            // One unreadable row must not keep the others out of the index.
            log.warn("cannot index runbook {}: {}", slug, e.toString());
            return Optional.empty();
        }
    }
}
