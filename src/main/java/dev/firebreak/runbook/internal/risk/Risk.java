package dev.firebreak.runbook.internal.risk;

/** Ordered risk levels; ordinal order is severity order so the highest line wins. */
enum Risk {
    READ_ONLY("read-only"),
    MUTATING("mutating"),
    DESTRUCTIVE("destructive");

    private final String label;

    Risk(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Risk ofLabel(String label) {
        for (Risk risk : values()) {
            if (risk.label.equals(label)) {
                return risk;
            }
        }
        throw new IllegalArgumentException("unknown risk " + label);
    }
}
