package dev.firebreak.runbook;

import java.util.List;

/**
 * One search result.
 *
 * @param matched the fields that matched, in the order alert, title, sections, symptoms, commands,
 *     body, then for alert lookups runbook_url
 * @param snippet a line of the runbook around the first match, or its opening prose
 * @param reason why it was found, by its strongest match
 */
public record SearchHit(
        String slug, String title, double score, List<MatchedField> matched, String snippet, HitReason reason) {}
