package dev.firebreak.statuspage;

import java.util.Locale;

/** An incident's impact as Statuspage.io names it; maintenance is only for scheduled maintenance. */
public enum Impact {
    NONE,
    MINOR,
    MAJOR,
    CRITICAL,
    MAINTENANCE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Impact of(String value) {
        return Values.parse(Impact.class, "impact", value);
    }
}
