package dev.firebreak.execution;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in a run's output before it is stored or shown: the configured values (longest
 * first, so a secret that contains another is hidden whole) and common token shapes.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    // Shapes of credentials that commands print: cloud keys, VCS and chat tokens, JWTs, key=value.
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}\\b"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\bsk_(?:live|test)_[A-Za-z0-9]{16,}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"));
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)\\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "([^\\s\"',;]{4,})");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

    private final List<String> values;

    /** {@code values}: configured secrets; blanks and values under four characters are ignored. */
    public SecretRedactor(List<String> values) {
        this.values = values.stream()
                .filter(v -> v != null && v.strip().length() >= 4)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public String redact(String text) {
        String out = text;
        for (String value : values) {
            out = out.replace(value, MASK);
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll(MASK);
        }
        out = ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK);
        return BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + " " + MASK);
    }
}
