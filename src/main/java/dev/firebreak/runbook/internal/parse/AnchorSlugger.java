package dev.firebreak.runbook.internal.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GitHub's heading anchors, as github-slugger makes them: lower case, everything but letters,
 * digits, marks, connector punctuation, spaces and dashes dropped (so emoji go), each space a dash,
 * and repeats numbered {@code -1}, {@code -2}, ... One instance per document.
 */
public final class AnchorSlugger {
    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]");
    private final Map<String, Integer> seen = new HashMap<>();

    public String slug(String text) {
        String base =
                DROPPED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
        String slug = base;
        while (seen.containsKey(slug)) {
            int next = seen.get(base) + 1;
            seen.put(base, next);
            slug = base + "-" + next;
        }
        seen.put(slug, 0);
        return slug;
    }
}
