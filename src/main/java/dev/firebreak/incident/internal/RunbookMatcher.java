package dev.firebreak.incident.internal;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.HitReason;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.SearchHit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Picks the runbook for a new incident: the route's, else the one that names one of its alerts
 * most strongly (by alert name, then runbook_url, then title or symptoms; see
 * {@link HitReason.Strength}). A word found only in some runbook's body attaches nothing.
 */
@Component
public class RunbookMatcher {
    private final RunbookLibrary library;
    private final RunbookSearch search;

    RunbookMatcher(RunbookLibrary library, RunbookSearch search) {
        this.library = library;
        this.search = search;
    }

    /**
     * The runbook and why it was chosen, or null when nothing matches.
     *
     * @param reason for people, e.g. {@code alert rule "No Active Workers" names NoActiveWorkers}
     */
    public record Match(String slug, String title, String reason) {}

    public Match match(AlertGroup group) {
        if (group.runbook() != null && !group.runbook().isBlank()) {
            try {
                var doc = library.get(group.runbook().strip());
                return new Match(doc.slug(), doc.model().title(), "named by route " + group.route());
            } catch (FirebreakException.NotFound e) {
                // the route names a runbook that is gone: fall back to searching
            }
        }
        SearchHit best = null;
        // alerts of one group often differ only in labels: search each name and annotations once
        Set<Asked> searched = new HashSet<>();
        for (Alert alert : group.alerts() == null ? List.<Alert>of() : group.alerts()) {
            if (!searched.add(new Asked(alert.name(), alert.annotations()))) {
                continue;
            }
            SearchHit hit = firstAttachable(alert);
            if (hit != null
                    && (best == null
                            || hit.reason().strength().compareTo(best.reason().strength()) < 0)) {
                best = hit;
                if (best.reason().strength() == HitReason.Strength.ALERT_NAME) {
                    break; // nothing is stronger
                }
            }
        }
        return best == null
                ? null
                : new Match(best.slug(), best.title(), best.reason().text());
    }

    /** What a search for an alert depends on besides its labels. */
    private record Asked(String name, Map<String, String> annotations) {}

    private SearchHit firstAttachable(Alert alert) {
        try {
            for (SearchHit hit : search.forAlert(alert.name(), alert.labels(), alert.annotations(), 5)) {
                if (hit.reason().strength().attaches()) {
                    return hit;
                }
            }
        } catch (FirebreakException.BadInput e) {
            // an alert without a name cannot be searched for
        }
        return null;
    }

    /** The severity scheme of a runbook, or the built-in one. */
    public SeverityScheme scheme(String slug) {
        if (slug == null) {
            return SeverityScheme.DEFAULT;
        }
        try {
            return SeverityScheme.of(library.get(slug).model().severityLevels());
        } catch (FirebreakException.NotFound e) {
            return SeverityScheme.DEFAULT;
        }
    }
}
