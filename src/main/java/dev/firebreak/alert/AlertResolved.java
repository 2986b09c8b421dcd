package dev.firebreak.alert;

/** Published after an alert was resolved by its sender, by its endsAt, or by the resolve timeout. */
public record AlertResolved(Alert alert) {}
