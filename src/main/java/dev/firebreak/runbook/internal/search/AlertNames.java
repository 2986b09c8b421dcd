package dev.firebreak.runbook.internal.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an alert name is compared with the names a runbook writes: only letters and digits count,
 * in any case, so {@code NoActiveWorkers}, "No Active Workers", {@code no_active_workers} and
 * {@code no-active-workers} are one name, and {@code HTTPErrorRate} is "HTTP Error Rate".
 */
final class AlertNames {
    /** "Issue: Queue Backlog": a label before the name. */
    private static final Pattern LABEL = Pattern.compile("^[^:]{1,40}:\\s+");
    /** "Queue Backlog (critical)", "Queue Backlog [P1]": a qualifier after the name. */
    private static final Pattern QUALIFIER = Pattern.compile("\\s*(?:\\([^)]*\\)|\\[[^]]*])$");
    /** "1. No Active Workers", "Step 2: ...": list numbering before a heading's words. */
    private static final Pattern NUMBERING = Pattern.compile("^\\d+[.)]\\s+");

    private AlertNames() {}

    /** The comparison key: the letters and digits, lower case; empty when there are none. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The keys a written name answers to: as written, and without a leading label or numbering or
     * a trailing qualifier, so the heading "Issue: Queue Backlog (P1)" names QueueBacklog but
     * "Queue Backlog Cleanup" does not.
     */
    static List<String> keys(String written) {
        Set<String> keys = new LinkedHashSet<>();
        if (written == null) {
            return List.of();
        }
        String text = NUMBERING.matcher(written.strip()).replaceFirst("");
        add(keys, text);
        String unlabelled = LABEL.matcher(text).replaceFirst("");
        add(keys, unlabelled);
        add(keys, QUALIFIER.matcher(text).replaceFirst(""));
        add(keys, QUALIFIER.matcher(unlabelled).replaceFirst(""));
        return List.copyOf(keys);
    }

    /** Whether a runbook's written name names this alert. */
    static boolean names(String written, String alertName) {
        String key = key(alertName);
        return !key.isEmpty() && keys(written).contains(key);
    }

    private static void add(Set<String> keys, String text) {
        String key = key(text);
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }
}
