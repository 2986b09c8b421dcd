package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.internal.search.RunbookIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The runbooks for a firing alert, best first: those whose alert name is the alert's, then the
     * one its {@code runbook_url} annotation points at, then full-text matches of the name and its
     * summary/description.
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
        for (SearchHit hit : index.byAlertName(name.strip(), max)) {
            ranked.putIfAbsent(hit.slug(), hit);
        }
        String url = notes.getOrDefault("runbook_url", notes.get("runbook"));
        if (url != null && !url.isBlank()) {
            for (SearchHit hit : index.byRunbookUrl(url.strip())) {
                ranked.putIfAbsent(hit.slug(), hit);
            }
        }
        List<String> words = new ArrayList<>(List.of(name.strip()));
        for (String key : List.of("summary", "description", "message")) {
            String value = notes.get(key);
            if (value != null && !value.isBlank()) {
                words.add(value.length() > 500 ? value.substring(0, 500) : value);
            }
        }
        for (SearchHit hit : index.search(String.join(" ", words), max)) {
            ranked.putIfAbsent(hit.slug(), hit);
        }
        return ranked.values().stream().limit(max).toList();
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
