package dev.firebreak.oncall;

/** A service was deleted. */
public record ServiceDeleted(String service) {}
