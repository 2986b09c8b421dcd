package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;

/** What one write did; {@code alert} is null when it changed nothing. */
public record AlertWritten(Outcome outcome, Alert alert) {
    public enum Outcome {
        NEW,
        REFRESHED,
        RESOLVED,
        ACKNOWLEDGED,
        UNCHANGED
    }
}
