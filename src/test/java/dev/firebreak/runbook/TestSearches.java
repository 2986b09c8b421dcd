package dev.firebreak.runbook;

import dev.firebreak.runbook.internal.search.RunbookIndex;

/** A {@link RunbookSearch} over an index a test built, for tests outside this package. */
public final class TestSearches {
    private TestSearches() {}

    public static RunbookSearch over(RunbookIndex index) {
        return new RunbookSearch(index);
    }
}
