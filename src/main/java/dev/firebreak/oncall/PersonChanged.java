package dev.firebreak.oncall;

/** A person's time zone, contact methods or details changed. */
public record PersonChanged(String username) {}
