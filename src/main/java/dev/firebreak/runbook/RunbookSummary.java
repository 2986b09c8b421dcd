package dev.firebreak.runbook;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of the library's list.
 *
 * @param lastUpdated when the current version was stored
 * @param reviewDue the runbook's own "last updated" date (else the store date) plus its review
 *     schedule, or 180 days by default
 */
public record RunbookSummary(
        String slug,
        String title,
        String owner,
        int version,
        Instant lastUpdated,
        LocalDate reviewDue,
        String source,
        LintStatus lint) {}
