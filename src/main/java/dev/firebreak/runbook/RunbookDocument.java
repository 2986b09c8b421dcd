package dev.firebreak.runbook;

import java.time.LocalDate;

/** A runbook as stored: its parsed model, raw Markdown and the version they belong to. */
public record RunbookDocument(
        String slug,
        String fileName,
        RunbookVersion version,
        LocalDate reviewDue,
        LintStatus lint,
        RunbookModel model,
        String markdown) {}
