package dev.firebreak.runbook;

/** Published after a runbook and all its versions were deleted. */
public record RunbookDeleted(String slug) {}
