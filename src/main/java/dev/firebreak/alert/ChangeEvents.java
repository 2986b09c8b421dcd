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

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
