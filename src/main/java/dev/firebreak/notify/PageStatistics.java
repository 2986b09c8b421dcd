package dev.firebreak.notify;

import dev.firebreak.notify.internal.PageLoadStore;
import dev.firebreak.platform.storage.SqlLists;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages per person and out of hours, from the delivery ledger, for analytics. */
@Service
@Transactional(readOnly = true)
public class PageStatistics {
    private final PageLoadStore store;

    PageStatistics(PageLoadStore store) {
        this.store = store;
    }

    /**
     * Pages placed in {@code [from, to)}, most paged first.
     *
     * @param incidentIds only pages for these incidents; null for all
     */
    public List<PageLoad> load(Instant from, Instant to, List<Long> incidentIds, BusinessHours hours) {
        if (incidentIds == null) {
            return sorted(store.load(from, to, null, hours));
        }
        // A page belongs to one incident, so counts over disjoint chunks of incidents add up exactly.
        Map<String, PageLoad> sum = new LinkedHashMap<>();
        for (List<Long> chunk : SqlLists.chunks(incidentIds)) {
            for (PageLoad load : store.load(from, to, chunk, hours)) {
                sum.merge(
                        load.username(),
                        load,
                        (a, b) -> new PageLoad(
                                a.username(),
                                a.pages() + b.pages(),
                                a.outOfHours() + b.outOfHours(),
                                a.incidents() + b.incidents()));
            }
        }
        return sorted(new ArrayList<>(sum.values()));
    }

    private static List<PageLoad> sorted(List<PageLoad> loads) {
        return loads.stream()
                .sorted(Comparator.comparingLong(PageLoad::pages).reversed().thenComparing(PageLoad::username))
                .toList();
    }
}
