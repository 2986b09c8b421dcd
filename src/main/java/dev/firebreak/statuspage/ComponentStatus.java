package dev.firebreak.statuspage;

import java.util.Locale;

/** A component's state as Statuspage.io names it; declared from best to worst, so the worst wins. */
public enum ComponentStatus {
    OPERATIONAL,
    UNDER_MAINTENANCE,
    DEGRADED_PERFORMANCE,
    PARTIAL_OUTAGE,
    MAJOR_OUTAGE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComponentStatus of(String value) {
        return Values.parse(ComponentStatus.class, "status", value);
    }

    public ComponentStatus worse(ComponentStatus other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /** What an incident's impact does to a component it affects, unless the person says otherwise. */
    public static ComponentStatus forImpact(Impact impact) {
        return switch (impact) {
            case NONE -> OPERATIONAL;
            case MINOR -> DEGRADED_PERFORMANCE;
            case MAJOR -> PARTIAL_OUTAGE;
            case CRITICAL -> MAJOR_OUTAGE;
            case MAINTENANCE -> UNDER_MAINTENANCE;
        };
    }
}
