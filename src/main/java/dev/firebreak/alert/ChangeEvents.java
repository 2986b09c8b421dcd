package dev.firebreak.alert;

import dev.firebreak.alert.internal.changes.ChangeEventStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** Read access to received change events, for incident pages and the API; newest first. */
@Service
public class ChangeEvents {
    public static final int MAX_LIMIT = 1000;

    private final ChangeEventStore store;

    ChangeEvents(ChangeEventStore store) {
        this.store = store;
    }

    /**
     * Change events of any of these services or from any of these sources at or after {@code
     * since}: what may have caused an incident of that service or with alerts from those sources.
     */
    public List<ChangeEvent> recent(Collection<String> services, Collection<String> sources, Instant since, int limit) {
        return store.recent(services, sources, since, clamp(limit));
    }

    /** Change events, each filter optional (null matches all). */
    public List<ChangeEvent> list(String service, String source, Instant since, int limit) {
        return store.list(service, source, since, clamp(limit));
    }

    /**
     * A page of change events newest first; {@code before} is the previous page's {@link
     * ChangePage#next()}, null for the first.
     */
    public ChangePage page(String service, String source, Instant since, int limit, String before) {
        Instant beforeAt = null;
        Long beforeId = null;
        if (before != null) {
            int split = before.lastIndexOf('_');
            try {
                beforeAt = Instant.parse(before.substring(0, split));
                beforeId = Long.parseLong(before.substring(split + 1));
            } catch (RuntimeException e) {
                throw new dev.firebreak.platform.FirebreakException.BadInput(
                        "before", "before is the cursor of a next link, such as 2026-12-02T03:00:00Z_42");
            }
        }
        int size = clamp(limit);
        List<ChangeEvent> rows = store.list(service, source, since, size + 1, beforeAt, beforeId);
        if (rows.size() <= size) {
            return new ChangePage(rows, null);
        }
        List<ChangeEvent> items = List.copyOf(rows.subList(0, size));
        ChangeEvent last = items.getLast();
        // No comma: Link headers are comma-separated lists.
        return new ChangePage(items, last.timestamp() + "_" + last.id());
    }

    /** One page; {@code next} the cursor of the following one, null on the last. */
    public record ChangePage(List<ChangeEvent> items, String next) {}

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
