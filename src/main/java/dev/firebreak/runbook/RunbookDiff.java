package dev.firebreak.runbook;

import java.util.List;

/** A unified diff (with {@code ---}/{@code +++} headers and hunks) between two versions. */
public record RunbookDiff(String slug, int from, int to, List<String> lines) {}
