package dev.firebreak.alert;

/** Published after an alert was committed: new, or firing again after a resolve (refreshes are {@link AlertsRefreshed}). */
public record AlertReceived(Alert alert, boolean isNew) {}
