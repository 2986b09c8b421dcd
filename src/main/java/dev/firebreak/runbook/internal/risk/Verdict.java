package dev.firebreak.runbook.internal.risk;

/** One judgement: a risk level and the human-readable reason that raised it. */
record Verdict(Risk risk, String reason) {

    static Verdict readOnly(String reason) {
        return new Verdict(Risk.READ_ONLY, reason);
    }

    static Verdict mutating(String reason) {
        return new Verdict(Risk.MUTATING, reason);
    }

    static Verdict destructive(String reason) {
        return new Verdict(Risk.DESTRUCTIVE, reason);
    }

    static Verdict unknown(String command) {
        return mutating("unknown command '" + command + "' (assumed mutating)");
    }

    /** The more severe of the two; on a tie the first keeps its reason. */
    static Verdict max(Verdict a, Verdict b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.risk.compareTo(a.risk) > 0 ? b : a;
    }

    boolean atLeast(Risk other) {
        return risk.compareTo(other) >= 0;
    }
}
