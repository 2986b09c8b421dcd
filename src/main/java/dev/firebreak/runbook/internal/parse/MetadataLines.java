package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.Metadata;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * The runbook's metadata from {@code **Owner**: X}-style lines (or front matter), a "Review
 * Schedule" list, and the findings about it: an invalid or placeholder Last Updated, a stale runbook.
 */
final class MetadataLines {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\[[A-Z][^\\]]*\\]|<[a-z][\\w-]*>|\\$\\([^)]*\\)|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|\\bTBD\\b|\\bTODO\\b|\\bXXX\\b");
    private static final Pattern LINE = Pattern.compile(
            "(?i)^(?:[-*+]\\s++|>\\s*+)*+(?:\\*\\*|__)?\\s*+(owner|owners|maintainer|maintainers|maintained by|version|"
                    + "last updated|last update|last modified|last reviewed|updated|review schedule|review cadence|"
                    + "review frequency)\\s*(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:|:)\\s*(.*?)\\s*$");
    private static final Pattern EMPHASIS_EDGES = Pattern.compile("^[*_`\\s]+|[*_`\\s]+$");
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?$");
    private static final Pattern REVIEW_HEADING =
            Pattern.compile("(?i).*\\breview (?:schedule|cadence|frequency)\\b.*");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    private static final int DEFAULT_REVIEW_DAYS = 180;
    /** Metadata lines are short; longer lines are cut before matching. */
    private static final int MAX_LINE = 300;

    private record Value(String text, int line) {}

    private MetadataLines() {}

    static Metadata read(
            Document document,
            String[] lines,
            Outline outline,
            Map<String, Object> frontMatter,
            Clock clock,
            List<Finding> findings) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Paragraph p : MarkdownTree.all(document, Paragraph.class)) {
            for (SourceSpan span : p.getSourceSpans()) {
                int index = span.getLineIndex();
                if (index >= lines.length) {
                    continue;
                }
                String line = lines[index].strip();
                Matcher m = LINE.matcher(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line);
                if (m.matches()) {
                    String key = key(m.group(1));
                    String value =
                            EMPHASIS_EDGES.matcher(m.group(2)).replaceAll("").strip();
                    if (!value.isEmpty()) {
                        values.putIfAbsent(key, new Value(value, index + 1));
                    }
                }
            }
        }
        fromFrontMatter(values, frontMatter);
        if (!values.containsKey("review")) {
            for (Outline.Part part : outline.parts()) {
                if (REVIEW_HEADING.matcher(part.title).matches()) {
                    for (Node block : part.blocks) {
                        if (block instanceof ListBlock list && list.getFirstChild() != null) {
                            String first = MarkdownTree.text(list.getFirstChild());
                            int colon = first.indexOf(':');
                            String schedule = colon > 0 ? first.substring(0, colon) : first;
                            values.put("review", new Value(schedule.strip(), MarkdownTree.line(list)));
                            break;
                        }
                    }
                }
                if (values.containsKey("review")) {
                    break;
                }
            }
        }
        Value owner = values.get("owner");
        Value version = values.get("version");
        Value updated = values.get("updated");
        Value review = values.get("review");
        for (Value v : new Value[] {owner, version, updated, review}) {
            if (v != null) {
                placeholder("metadata", v.text(), v.line()).ifPresent(findings::add);
            }
        }
        LocalDate date = updated == null ? null : date(updated.text());
        if (updated != null && date == null) {
            findings.add(new Finding(
                    "last-updated-invalid",
                    "warning",
                    "Last Updated '" + updated.text() + "' is not a date (expected YYYY-MM-DD)",
                    updated.line()));
        }
        if (date != null) {
            int days = reviewDays(review == null ? null : review.text());
            LocalDate today = LocalDate.now(clock);
            long age = ChronoUnit.DAYS.between(date, today);
            if (age > days) {
                findings.add(new Finding(
                        "stale",
                        "warning",
                        "last updated " + date + ", " + age + " days ago; "
                                + (review == null
                                        ? "the default review period is "
                                        : "its review schedule (" + review.text() + ") allows ")
                                + days + " days",
                        updated.line()));
            }
        }
        Map<String, Object> rest = new LinkedHashMap<>(frontMatter);
        rest.remove("title");
        return new Metadata(
                owner == null ? null : owner.text(),
                version == null ? null : version.text(),
                date == null ? null : date.toString(),
                review == null ? null : review.text(),
                rest);
    }

    private static void fromFrontMatter(Map<String, Value> values, Map<String, Object> frontMatter) {
        frontMatter.forEach((k, v) -> {
            String key =
                    switch (k.toLowerCase(Locale.ROOT).replace('-', '_')) {
                        case "owner", "owners", "author", "maintainer" -> "owner";
                        case "version" -> "version";
                        case "last_updated", "lastmod", "updated", "date", "last_reviewed" -> "updated";
                        case "review_schedule", "review_cadence", "review" -> "review";
                        default -> null;
                    };
            if (key != null && v != null && !(v instanceof List<?>)) {
                values.putIfAbsent(key, new Value(String.valueOf(v), 1));
            }
        });
    }

    private static String key(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("owner") || w.startsWith("maintain")) {
            return "owner";
        }
        if (w.equals("version")) {
            return "version";
        }
        if (w.startsWith("review")) {
            return "review";
        }
        return "updated";
    }

    /** A placeholder finding when a value is still a template's blank ({@code [Phone Number]}, {@code $(date)}). */
    static Optional<Finding> placeholder(String where, String value, int line) {
        return value != null && PLACEHOLDER.matcher(value).find()
                ? Optional.of(
                        new Finding("placeholder", "warning", "unfilled placeholder in " + where + ": " + value, line))
                : Optional.empty();
    }

    static LocalDate date(String text) {
        String t = text.strip();
        Matcher iso = ISO_DATE_PREFIX.matcher(t);
        if (iso.matches()) {
            t = iso.group(1);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    static int reviewDays(String schedule) {
        if (schedule == null) {
            return DEFAULT_REVIEW_DAYS;
        }
        String s = schedule.toLowerCase(Locale.ROOT);
        if (s.contains("bi-weekly") || s.contains("biweekly") || s.contains("fortnight")) {
            return 14;
        }
        if (s.contains("daily")) {
            return 1;
        }
        if (s.contains("weekly")) {
            return 7;
        }
        if (s.contains("quarter")) {
            return 92;
        }
        if (s.contains("semi") || s.contains("half")) {
            return 183;
        }
        if (s.contains("month")) {
            return 31;
        }
        if (s.contains("annual") || s.contains("year")) {
            return 366;
        }
        Long seconds = DurationPhrase.seconds(s);
        return seconds == null || seconds <= 0 ? DEFAULT_REVIEW_DAYS : (int) Math.max(1, seconds / 86_400);
    }
}
