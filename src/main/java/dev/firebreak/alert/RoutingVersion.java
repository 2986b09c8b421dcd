package dev.firebreak.alert;

import java.time.Instant;

/** One saved routing configuration; version 0 is the built-in default, never saved. */
public record RoutingVersion(int version, String yaml, String createdBy, Instant createdAt) {}
