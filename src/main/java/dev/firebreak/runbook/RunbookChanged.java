package dev.firebreak.runbook;

/** Published after a runbook got a new version (created or replaced). */
public record RunbookChanged(String slug, int version) {}
