package dev.firebreak.oncall;

/** A team was created, or its description or members changed. */
public record TeamChanged(String team) {}
