package dev.firebreak.statuspage;

import java.util.Locale;

/**
 * A public incident's status (investigating ... postmortem) or a maintenance's (scheduled ...
 * completed), as Statuspage.io names them.
 */
public enum IncidentStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED,
    POSTMORTEM,
    SCHEDULED,
    IN_PROGRESS,
    VERIFYING,
    COMPLETED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus of(String value) {
        return Values.parse(IncidentStatus.class, "status", value);
    }

    /** Over: no longer counts for the components' state. */
    public boolean finished() {
        return this == RESOLVED || this == POSTMORTEM || this == COMPLETED;
    }

    public boolean forMaintenance() {
        return this == SCHEDULED || this == IN_PROGRESS || this == VERIFYING || this == COMPLETED;
    }

    /** "In progress", for people. */
    public String label() {
        String words = value().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
