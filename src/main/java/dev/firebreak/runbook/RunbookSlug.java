package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** The stable name of a runbook in URLs and the database: lower-case letters, digits and '-'. */
public record RunbookSlug(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?");
    /** Literal path segments of the API beside {@code /runbooks/{slug}}. */
    private static final Set<String> RESERVED = Set.of("search", "lint");

    public RunbookSlug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new FirebreakException.BadInput(
                    "slug",
                    "slug must be 1-200 lower-case letters, digits or '-', not starting or ending with '-': '" + value
                            + "'");
        }
        if (RESERVED.contains(value)) {
            throw new FirebreakException.BadInput("slug", "'" + value + "' is reserved and cannot be a slug");
        }
    }

    public static RunbookSlug of(String value) {
        return new RunbookSlug(value);
    }

    /**
     * The slug of a file found while importing: its path segments (relative to the import root)
     * joined with '-', extension dropped, anything outside [a-z0-9] turned into '-'.
     */
    public static RunbookSlug fromPath(Path relative) {
        StringJoiner joined = new StringJoiner("-");
        int count = relative.getNameCount();
        for (int i = 0; i < count; i++) {
            String segment = relative.getName(i).toString();
            if (i == count - 1) {
                int dot = segment.lastIndexOf('.');
                segment = dot > 0 ? segment.substring(0, dot) : segment;
            }
            joined.add(segment);
        }
        String slug = joined.toString()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 200) {
            slug = slug.substring(0, 200).replaceAll("-+$", "");
        }
        return new RunbookSlug(slug);
    }

    /** Whether a file name is one the library imports. */
    public static boolean importable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
    }

    @Override
    public String toString() {
        return value;
    }
}
