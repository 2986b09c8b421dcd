package dev.firebreak.alert;

import dev.firebreak.alert.internal.store.NoiseStore;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The noisiest alerts, for analytics: counted in SQL over the alert history. */
@Service
@Transactional(readOnly = true)
public class AlertStatistics {
    private final NoiseStore store;

    AlertStatistics(NoiseStore store) {
        this.store = store;
    }

    /** Alerts that started firing in {@code [from, to)} most often, at most {@code limit}. */
    public List<NoisyAlert> noisiest(Instant from, Instant to, int limit) {
        return store.noisiest(from, to, limit);
    }
}
