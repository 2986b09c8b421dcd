package dev.firebreak.platform.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code in (...)} lists for JdbcClient: their placeholders, and chunks that stay far below every driver's limit on parameters. */
public final class SqlLists {
    /** Values per {@code in (...)} list. */
    public static final int CHUNK = 500;

    private SqlLists() {}

    /** {@code ?, ?, ?} for n values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The items in consecutive chunks of at most {@link #CHUNK}. */
    public static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return chunks;
    }
}
