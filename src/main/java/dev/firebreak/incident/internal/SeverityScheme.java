package dev.firebreak.incident.internal;

import dev.firebreak.incident.Severity;
import dev.firebreak.runbook.RunbookModel;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The severity levels an incident can take, most severe first: a runbook's levels, or the built-in
 * P1 critical (15 min), P2 high (1 h), P3 medium (4 h), P4 low (next business day). Maps what
 * senders write (critical, error, warning, info, P1, SEV-2, ...) onto the levels.
 */
public record SeverityScheme(List<Severity> levels, boolean builtIn) {
    public static final SeverityScheme DEFAULT = new SeverityScheme(
            List.of(
                    new Severity("P1", "Critical", "15 minutes", 900L, 0),
                    new Severity("P2", "High", "1 hour", 3600L, 1),
                    new Severity("P3", "Medium", "4 hours", 14400L, 2),
                    new Severity("P4", "Low", "next business day", null, 3)),
            true);
    private static final Pattern NUMBERED = Pattern.compile("^(?:p|sev|s|severity|priority)?(\\d)$");

    public static SeverityScheme of(List<RunbookModel.SeverityLevel> levels) {
        List<RunbookModel.SeverityLevel> named = levels == null
                ? List.of()
                : levels.stream()
                        .filter(l -> l.name() != null && !l.name().isBlank())
                        .toList();
        List<Severity> mapped = java.util.stream.IntStream.range(0, named.size())
                .mapToObj(i -> {
                    RunbookModel.SeverityLevel l = named.get(i);
                    return new Severity(
                            l.name().strip(),
                            l.label(),
                            l.responseTarget() == null
                                    ? null
                                    : l.responseTarget().text(),
                            l.responseTarget() == null
                                    ? null
                                    : l.responseTarget().seconds(),
                            i);
                })
                .toList();
        return mapped.isEmpty() ? DEFAULT : new SeverityScheme(mapped, false);
    }

    /** The level with this name (P1, sev-1 and SEV 1 are the same), or null. */
    public Severity find(String text) {
        String key = normalize(text);
        for (Severity level : levels) {
            if (normalize(level.name()).equals(key)) {
                return level;
            }
        }
        return null;
    }

    /** Position of the level {@link #map} gives; lower is more severe. */
    public int rank(String text) {
        return levels.indexOf(map(text));
    }

    /** The level a sender's severity means; unknown or missing severities get the third level. */
    public Severity map(String text) {
        String key = normalize(text);
        Severity fallback = levels.get(Math.min(2, levels.size() - 1));
        if (key.isEmpty()) {
            return fallback;
        }
        Severity named = find(text);
        if (named != null) {
            return named;
        }
        for (Severity level : levels) {
            if (level.label() != null && normalize(level.label()).equals(key)) {
                return level;
            }
        }
        Matcher numbered = NUMBERED.matcher(key);
        if (numbered.matches()) {
            return byNumber(Integer.parseInt(numbered.group(1)));
        }
        int word = wordRank(key);
        if (word < 0) {
            return fallback;
        }
        for (Severity level : levels) {
            if (level.label() != null && wordRank(normalize(level.label())) == word) {
                return level;
            }
        }
        return levels.get(Math.min(word, levels.size() - 1));
    }

    private Severity byNumber(int number) {
        int lowest = Integer.MAX_VALUE;
        for (Severity level : levels) {
            Matcher m = NUMBERED.matcher(normalize(level.name()));
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n == number) {
                    return level;
                }
                lowest = Math.min(lowest, n);
            }
        }
        if (lowest == Integer.MAX_VALUE) {
            return levels.get(Math.min(Math.max(number - 1, 0), levels.size() - 1));
        }
        return number < lowest ? levels.getFirst() : levels.getLast();
    }

    private static int wordRank(String key) {
        return switch (key) {
            case "critical", "crit", "fatal", "emergency", "disaster", "page", "urgent" -> 0;
            case "error", "err", "high", "major", "severe" -> 1;
            case "warning", "warn", "medium", "moderate", "average" -> 2;
            case "info", "informational", "low", "minor", "notice", "debug", "none" -> 3;
            default -> -1;
        };
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
