package dev.firebreak.runbook.internal.search;

import java.util.List;
import java.util.Locale;

/** A short line of a runbook to show beside a hit: where a query word first occurs. */
final class Snippets {
    private static final int MAX = 200;

    private Snippets() {}

    static String of(String body, List<String> terms) {
        if (body == null) {
            return "";
        }
        String fallback = null;
        for (String line : body.lines().toList()) {
            String text = line.strip();
            if (text.isEmpty() || text.equals("---")) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String term : terms) {
                int at = lower.indexOf(term);
                if (at >= 0) {
                    return window(text, at);
                }
            }
            if (fallback == null && !text.startsWith("#") && !text.contains(": ")) {
                fallback = text;
            }
        }
        return fallback == null ? "" : window(fallback, 0);
    }

    private static String window(String line, int at) {
        if (line.length() <= MAX) {
            return line;
        }
        int start = Math.max(0, Math.min(at - MAX / 4, line.length() - MAX));
        return (start > 0 ? "…" : "") + line.substring(start, start + MAX) + "…";
    }
}
