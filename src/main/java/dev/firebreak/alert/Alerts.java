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

    /** Alerts matching the filter, most recently received first. */
    public List<Alert> list(AlertFilter filter) {
        return store.list(filter == null ? AlertFilter.all() : filter);
    }

    public Optional<Alert> find(long id) {
        return store.find(id);
    }

    /** The firing alert with this fingerprint, else the most recently resolved one. */
    public Optional<Alert> findByFingerprint(String fingerprint) {
        return store.findByFingerprint(fingerprint);
    }
}
