package dev.firebreak.notify.internal.render;

/** An incident field a template placeholder can stand for. */
public enum Slot {
    SEVERITY("severity"),
    TITLE("title"),
    STARTED("opened at"),
    NOW("time of the message"),
    RESPONDER("paged or acknowledging person"),
    COMMANDER("incident commander"),
    COMMUNICATIONS_LEAD("communications lead"),
    STATE("state"),
    SERVICE("service"),
    RUNBOOK("runbook"),
    URL("incident link"),
    INCIDENT_ID("incident number"),
    IMPACT("impact"),
    DURATION("duration"),
    UPDATE("latest update");

    private final String label;

    Slot(String label) {
        this.label = label;
    }

    /** How people read it: {@code opened at}. */
    public String label() {
        return label;
    }
}
