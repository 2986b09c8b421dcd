package dev.firebreak.execution;

import dev.firebreak.runbook.RiskClass;

/** What a command needs before it runs, by its risk. */
public enum Gate {
    /** Read-only: a responder's click. */
    CLICK,
    /** Mutating (or of unknown risk): the responder confirms explicitly. */
    CONFIRM,
    /** Destructive: a second person with the responder or admin role approves, with a reason. */
    APPROVAL;

    public static Gate of(RiskClass risk) {
        return switch (risk) {
            case READ_ONLY -> CLICK;
            case MUTATING -> CONFIRM;
            case DESTRUCTIVE -> APPROVAL;
        };
    }
}
