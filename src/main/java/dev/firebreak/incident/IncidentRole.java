package dev.firebreak.incident;

import java.util.Locale;

/** The roles people take in an incident. */
public enum IncidentRole {
    COMMANDER("incident commander"),
    COMMUNICATIONS_LEAD("communications lead"),
    SCRIBE("scribe");

    private final String title;

    IncidentRole(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The role for commander / incident-commander / communications-lead / comms / scribe, or null. */
    public static IncidentRole parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "")) {
            case "commander", "incidentcommander", "ic" -> COMMANDER;
            case "communicationslead", "communications", "comms", "commslead" -> COMMUNICATIONS_LEAD;
            case "scribe" -> SCRIBE;
            default -> null;
        };
    }
}
