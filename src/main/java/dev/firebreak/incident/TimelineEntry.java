package dev.firebreak.incident;

import java.time.Instant;

/**
 * One thing that happened in an incident, with who and when.
 *
 * @param text the entry as people read it
 * @param detail the same for machines, typed by kind
 */
public record TimelineEntry(long id, Instant at, String actor, TimelineKind kind, String text, TimelineDetail detail) {}
