package dev.firebreak.analytics.internal;

import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookSummary;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each runbook's resolution time: the first procedure's resolution target that is a time span, in
 * document order. Kept per runbook version, so a dashboard load reads no model that did not change.
 */
@Component
public class RunbookTargets {
    private record Known(int version, Long seconds) {}

    private final RunbookLibrary library;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    RunbookTargets(RunbookLibrary library) {
        this.library = library;
    }

    /** Seconds by slug, only for runbooks that have a resolution time. */
    public Map<String, Long> bySlug() {
        Map<String, Long> targets = new HashMap<>();
        for (RunbookSummary summary : library.list()) {
            Known entry = known.get(summary.slug());
            if (entry == null || entry.version() != summary.version()) {
                entry = new Known(summary.version(), first(summary.slug()));
                known.put(summary.slug(), entry);
            }
            if (entry.seconds() != null) {
                targets.put(summary.slug(), entry.seconds());
            }
        }
        return targets;
    }

    private Long first(String slug) {
        try {
            return library.get(slug).model().procedures().stream()
                    .map(RunbookModel.Procedure::resolutionTarget)
                    .filter(t -> t != null && t.seconds() != null)
                    .map(RunbookModel.Duration::seconds)
                    .findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            return null; // deleted between the list and the read: no target this time
        }
    }
}
