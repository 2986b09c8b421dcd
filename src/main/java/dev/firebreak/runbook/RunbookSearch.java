package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.internal.search.RunbookIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Full-text and alert lookups over the library, answered by an in-memory index that every node
 * keeps in step with the shared database.
 */
@Service
public class RunbookSearch {
    static final int MAX_LIMIT = 100;

    private final RunbookIndex index;

    RunbookSearch(RunbookIndex index) {
        this.index = index;
    }

    /** Ranked hits for free text; exact alert-name matches rank first. */
    public List<SearchHit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw new FirebreakException.BadInput("q", "search text must not be empty");
        }
        if (text.length() > 1000) {
            throw new FirebreakException.BadInput("q", "search text must be at most 1000 characters");
        }
        return index.search(text.strip(), clamp(limit));
    }

    /**
     * The runbooks for a firing alert, best first by {@link HitReason.Strength}: those that write the
     * alert's name (as an alert rule, title, file name or heading, in words or not), then the one its
     * {@code runbook_url} annotation names, then full-text matches of the name and its
     * summary/description. A runbook found several ways lists every way in {@code matched}.
     */
    public List<SearchHit> forAlert(
            String alertName, Map<String, String> labels, Map<String, String> annotations, int limit) {
        Map<String, String> notes = annotations == null ? Map.of() : annotations;
        String name = alertName;
        if ((name == null || name.isBlank()) && labels != null) {
            name = labels.get("alertname");
        }
        if (name == null || name.isBlank()) {
            throw new FirebreakException.BadInput("alert", "alert name must not be empty");
        }
        int max = clamp(limit);
        Map<String, SearchHit> ranked = new LinkedHashMap<>();
        index.byAlertName(name.strip(), max).forEach(hit -> merge(ranked, hit));
        String url = notes.getOrDefault("runbook_url", notes.get("runbook"));
        if (url != null && !url.isBlank()) {
            index.byRunbookUrl(url.strip()).forEach(hit -> merge(ranked, hit));
        }
        List<String> words = new ArrayList<>(List.of(name.strip()));
        for (String key : List.of("summary", "description", "message")) {
            String value = notes.get(key);
            if (value != null && !value.isBlank()) {
                words.add(value.length() > 500 ? value.substring(0, 500) : value);
            }
        }
        index.search(String.join(" ", words), max).forEach(hit -> merge(ranked, hit));
        // stable: within one strength the lookups' own order (and score) stands
        return ranked.values().stream()
                .sorted(Comparator.comparing(hit -> hit.reason().strength()))
                .limit(max)
                .toList();
    }

    /** One hit per runbook: the strongest reason and the first score stand, every way adds to matched. */
    private static void merge(Map<String, SearchHit> ranked, SearchHit hit) {
        ranked.merge(hit.slug(), hit, (first, later) -> {
            Set<MatchedField> matched = EnumSet.noneOf(MatchedField.class);
            matched.addAll(first.matched());
            matched.addAll(later.matched());
            HitReason reason =
                    later.reason().strength().compareTo(first.reason().strength()) < 0
                            ? later.reason()
                            : first.reason();
            return new SearchHit(
                    first.slug(), first.title(), first.score(), List.copyOf(matched), first.snippet(), reason);
        });
    }

    /** {@link #forAlert(String, Map, Map, int)} with the default limit of 10. */
    public List<SearchHit> forAlert(String alertName, Map<String, String> labels, Map<String, String> annotations) {
        return forAlert(alertName, labels, annotations, 10);
    }

    /** Convenience for callers that only have the alert's name. */
    public List<SearchHit> forAlert(String alertName, int limit) {
        return forAlert(alertName, Map.of(), Map.of(), limit);
    }

    private static int clamp(int limit) {
        return limit <= 0 ? 20 : Math.min(limit, MAX_LIMIT);
    }
}
