package dev.firebreak.runbook;

/** How much confirmation a command needs before it runs, from the runbook model's classifier. */
public enum RiskClass {
    /** Runs on a responder's click. */
    READ_ONLY,
    /** Needs an explicit confirmation by the responder. */
    MUTATING,
    /** Needs approval by a second person with the responder or admin role. */
    DESTRUCTIVE;

    /** The model's risk word; anything else, {@code null} included, is mutating (never assumed safe). */
    public static RiskClass of(String modelRisk) {
        if (modelRisk == null) {
            return MUTATING;
        }
        return switch (modelRisk) {
            case "read-only" -> READ_ONLY;
            case "destructive" -> DESTRUCTIVE;
            default -> MUTATING;
        };
    }
}
