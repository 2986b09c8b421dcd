package dev.firebreak.incident;

/**
 * A filter over incidents; null or blank fields match everything.
 *
 * @param state triggered, acknowledged, resolved, "open" for the first two, "all" (or null) for every one
 * @param text words in the title, group key, service or route
 * @param severity a level's name or label in its own scheme (P1, SEV-2, critical)
 * @param level a level on the one scale of every scheme ({@link Severity#level()}, 1 most severe)
 * @param before a page's cursor: only incidents with a smaller id, as {@link IncidentPage#next()} gave
 */
public record IncidentQuery(String state, String severity, Integer level, String text, int limit, Long before) {
    /** "all" is no state filter, as the incident list's menu sends it. */
    public IncidentQuery {
        state = state != null && state.strip().equalsIgnoreCase("all") ? null : state;
    }

    public IncidentQuery(String state, String severity, String text, int limit, Long before) {
        this(state, severity, null, text, limit, before);
    }

    public IncidentQuery(String state, String severity, String text, int limit) {
        this(state, severity, null, text, limit, null);
    }
}
