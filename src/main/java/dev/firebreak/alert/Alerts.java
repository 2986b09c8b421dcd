package dev.firebreak.alert;

import dev.firebreak.alert.internal.store.AlertQueries;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to received alerts, for the alerts and incidents pages and the API. */
@Service
public class Alerts {
    private final AlertQueries store;

    Alerts(AlertQueries store) {
        this.store = store;
    }

    /** Alerts matching the filter, newest first (at most the filter's limit). */
    public List<Alert> list(AlertFilter filter) {
        return store.list(filter == null ? AlertFilter.all() : filter);
    }

    /** A page of alerts matching the filter, newest first, with the next page's cursor. */
    public AlertPage page(AlertFilter filter) {
        return store.page(filter == null ? AlertFilter.all() : filter);
    }

    /**
     * Every alert matching the filter, page after page (Alertmanager's API lists all firing
     * alerts, not a first page), up to {@value #ALL_MAX}.
     */
    public List<Alert> all(AlertFilter filter) {
        List<Alert> found = new java.util.ArrayList<>();
        Long before = null;
        do {
            AlertPage page = page(new AlertFilter(
                    filter.status(), filter.text(), filter.matchers(), AlertFilter.MAX_LIMIT, filter.since(), before));
            found.addAll(page.items());
            before = page.next();
        } while (before != null && found.size() < ALL_MAX);
        return found;
    }

    /** The most {@link #all} returns: beyond it a firing-alert list is not what anybody reads. */
    static final int ALL_MAX = 100_000;

    public Optional<Alert> find(long id) {
        return store.find(id);
    }

    /** The firing alert with this fingerprint, else the most recently resolved one. */
    public Optional<Alert> findByFingerprint(String fingerprint) {
        return store.findByFingerprint(fingerprint);
    }
}
