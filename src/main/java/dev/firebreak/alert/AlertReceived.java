package dev.firebreak.alert;

/** Published after an alert was committed: new, refreshed, or firing again after a resolve. */
public record AlertReceived(Alert alert, boolean isNew) {}
