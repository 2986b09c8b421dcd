package dev.firebreak.incident;

/**
 * An incident's severity as its scheme names it (the runbook's levels, else the built-in P1..P4).
 *
 * @param name the level as written, e.g. {@code P1} or {@code SEV-2}
 * @param label the level's label, e.g. {@code Critical}, or null
 * @param responseTarget the response target as written, e.g. {@code 15 minutes}, or null
 * @param responseTargetSeconds the response target in seconds, or null when it is not a time span
 * @param rank the level's place in its own scheme, 0 most severe: the one scale on which P0 of
 *     P0-P3, P1 of P1-P4 and SEV-1 are equal
 */
public record Severity(String name, String label, String responseTarget, Long responseTargetSeconds, int rank) {
    /** The rank as people count levels: 1 is the most severe. */
    public int level() {
        return rank + 1;
    }
}
