package dev.firebreak.runbook.internal.search;

import java.util.List;
import java.util.Locale;

/**
 * A short line of a runbook to show beside a hit: the first prose line with a query word, else
 * the first heading with one, else the opening prose. Front matter is never shown.
 */
final class Snippets {
    private static final int MAX = 200;

    private Snippets() {}

    static String of(String body, List<String> terms) {
        if (body == null) {
            return "";
        }
        String heading = null;
        String opening = null;
        for (String line : body(body)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("```") || text.startsWith("|-") || text.startsWith("| -")) {
                continue;
            }
            boolean isHeading = text.startsWith("#");
            int at = find(text, terms);
            if (at >= 0 && !isHeading) {
                return window(text, at);
            }
            if (at >= 0 && heading == null) {
                heading = text;
            }
            if (opening == null && !isHeading) {
                opening = text;
            }
        }
        String chosen = heading != null ? heading : opening;
        return chosen == null ? "" : window(chosen, 0);
    }

    /** The lines after a leading YAML front matter block, if any. */
    private static List<String> body(String markdown) {
        List<String> lines = markdown.lines().toList();
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    return lines.subList(i + 1, lines.size());
                }
            }
        }
        return lines;
    }

    private static int find(String text, List<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            int at = lower.indexOf(term);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static String window(String line, int at) {
        if (line.length() <= MAX) {
            return line;
        }
        int start = Math.max(0, Math.min(at - MAX / 4, line.length() - MAX));
        return (start > 0 ? "…" : "") + line.substring(start, start + MAX) + "…";
    }
}
