package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings authors put next to dangerous commands ("USE WITH CAUTION", "WARNING: irreversible",
 * "DANGER"). The author knows the system better than any rule table, so a marker makes a block
 * destructive. Upper-case words only count in capitals or with a colon, so "check warnings" does not.
 */
final class CautionMarkers {

    private CautionMarkers() {}

    /** The reasons for the markers found in the text, e.g. "marked USE WITH CAUTION". */
    static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("use with caution") || lower.contains("caution:") || text.contains("CAUTION")) {
            found.add("marked USE WITH CAUTION");
        }
        if (text.contains("DANGER") || lower.contains("danger:")) {
            found.add("marked DANGER");
        }
        if (text.contains("WARNING") || lower.contains("warning:")) {
            found.add("marked WARNING");
        }
        if (lower.contains("irreversible")
                || lower.contains("cannot be undone")
                || lower.contains("can't be undone")
                || lower.contains("can not be undone")) {
            found.add("marked irreversible");
        }
        if (lower.contains("deletes data") || lower.contains("deletes all data")) {
            found.add("marked as deleting data");
        }
        return found;
    }
}
