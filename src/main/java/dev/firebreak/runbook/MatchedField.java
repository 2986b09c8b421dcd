package dev.firebreak.runbook;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a search hit matched; written as its lower-case wire name in JSON and pages. */
public enum MatchedField {
    /** an alert name: an alert rule, an alert-like title, the front-matter title or the file name */
    ALERT("alert"),
    TITLE("title"),
    /** a heading (a heading that spells the alert's name counts as a name match, see HitReason) */
    SECTIONS("sections"),
    SYMPTOMS("symptoms"),
    COMMANDS("commands"),
    BODY("body"),
    /** the alert's runbook_url annotation names this runbook */
    RUNBOOK_URL("runbook_url");

    private final String wire;

    MatchedField(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
