package dev.firebreak.runbook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a search hit was found, by its strongest evidence.
 *
 * @param text for people, e.g. {@code alert rule "No Active Workers" names NoActiveWorkers}
 */
public record HitReason(Strength strength, String text) {
    /** Strongest first: the order in which a runbook is picked for an alert unasked. */
    public enum Strength {
        /** an alert rule, heading, title or file name of the runbook spells the alert's name */
        ALERT_NAME,
        /** the alert's runbook_url annotation names the runbook */
        RUNBOOK_URL,
        /** the title or a procedure's symptoms contain the words */
        TEXT,
        /** only headings, commands, body or single words of alert names: listed, never attached unasked */
        OTHER_TEXT;

        /** As JSON writes it: alert_name, runbook_url, text, other_text. */
        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this alone is enough to attach a runbook to an incident without asking anyone. */
        public boolean attaches() {
            return this != OTHER_TEXT;
        }
    }
}
