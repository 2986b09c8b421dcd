package dev.firebreak.alert;

/** A sender acknowledged an alert (PagerDuty Events v2 {@code acknowledge}); incidents follow it. */
public record AlertAcknowledged(Alert alert, String by) {}
