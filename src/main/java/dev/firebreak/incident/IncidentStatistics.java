package dev.firebreak.incident;

import dev.firebreak.incident.internal.CycleStatisticsStore;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers over incident cycles for analytics: time to acknowledge, resolve and detect, targets
 * met, repeats. Each cycle of a reopened incident counts on its own.
 */
@Service
@Transactional(readOnly = true)
public class IncidentStatistics {
    private final CycleStatisticsStore store;

    IncidentStatistics(CycleStatisticsStore store) {
        this.store = store;
    }

    /** All the cycles' numbers and their breakdowns by service, severity, team and runbook. */
    public CycleOverview overview(CycleFilter filter) {
        return store.overview(filter);
    }

    public List<CycleBucket> trend(CycleFilter filter, Duration bucket) {
        return store.trend(filter, bucket);
    }

    public List<SlowCycle> slowest(CycleFilter filter, int limit) {
        return store.slowest(filter, limit);
    }

    /** The incidents with a cycle opened in the filter's range. */
    public List<Long> incidentIds(CycleFilter filter) {
        return store.incidentIds(filter);
    }

    /** The severities incidents have, as written. */
    public List<String> severities() {
        return store.severities();
    }

    public boolean hasService(String service) {
        return store.hasService(service);
    }
}
