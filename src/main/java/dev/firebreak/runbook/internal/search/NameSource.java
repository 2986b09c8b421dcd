package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.MatchedField;
import java.util.Locale;

/**
 * Where a runbook writes a name an alert may have, in the order a reason prefers them. Each has
 * its own key field, so the query can weigh them, and a stored field, so a hit can say which.
 */
enum NameSource {
    ALERT_RULE("alert rule", MatchedField.ALERT, 50),
    TITLE("title", MatchedField.ALERT, 50),
    FRONT_MATTER("front-matter title", MatchedField.ALERT, 50),
    // A little above the others: in alert-per-file collections it disambiguates copied titles.
    FILE_NAME("file name", MatchedField.ALERT, 60),
    // Below the alert names proper: a heading that spells the alert loses to a runbook made for it.
    HEADING("heading", MatchedField.SECTIONS, 40);

    final String label;
    final MatchedField field;
    final float boost;
    /** Lucene field of the names' keys ({@link AlertNames#keys}), indexed, not stored. */
    final String keyField;
    /** Lucene field of the names as written, stored, not indexed. */
    final String storedField;

    NameSource(String label, MatchedField field, float boost) {
        this.label = label;
        this.field = field;
        this.boost = boost;
        String lower = name().toLowerCase(Locale.ROOT);
        this.keyField = lower + "_key";
        this.storedField = lower + "_name";
    }
}
