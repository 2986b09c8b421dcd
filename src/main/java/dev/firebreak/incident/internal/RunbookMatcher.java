package dev.firebreak.incident.internal;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.SearchHit;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Picks the runbook for a new incident: the route's, else the best match for one of its alerts. */
@Component
public class RunbookMatcher {
    /**
     * Where a hit must match to be attached unasked: its alert names, the alert's runbook_url, its
     * title or symptoms. A summary word found only in some runbook's body or commands would attach
     * an unrelated runbook; searching still lists such hits.
     */
    private static final Set<String> STRONG = Set.of("alert", "runbook_url", "title", "symptoms");

    private final RunbookLibrary library;
    private final dev.firebreak.runbook.RunbookSearch search;

    RunbookMatcher(RunbookLibrary library, dev.firebreak.runbook.RunbookSearch search) {
        this.library = library;
        this.search = search;
    }

    /** The runbook and why it was chosen, or null when nothing matches. */
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
        for (Alert alert : group.alerts() == null ? List.<Alert>of() : group.alerts()) {
            try {
                for (SearchHit hit : search.forAlert(alert.name(), alert.labels(), alert.annotations(), 5)) {
                    if (hit.matched().stream().anyMatch(STRONG::contains)) {
                        return new Match(hit.slug(), hit.title(), "best match for alert " + alert.name());
                    }
                }
            } catch (FirebreakException.BadInput e) {
                // an alert without a name cannot be searched for
            }
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
