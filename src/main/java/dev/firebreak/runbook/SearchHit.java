package dev.firebreak.runbook;

import java.util.List;

/**
 * One search result.
 *
 * @param matched the fields that matched (alert, title, sections, symptoms, commands, body, or for
 *     alert lookups runbook_url)
 * @param snippet a line of the runbook around the first match, or its opening prose
 */
public record SearchHit(String slug, String title, double score, List<String> matched, String snippet) {}
