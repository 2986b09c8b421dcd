package dev.firebreak.oncall;

/** A service was created, or its owner, description or escalation policy changed. */
public record ServiceChanged(String service) {}
