package dev.firebreak.postmortem;

import java.time.Instant;

/** An open action item passed its due date (again a day later while still open); notify reminds its owner. */
public record ActionItemWentOverdue(
        long itemId, long postmortemId, long incidentId, String title, String owner, Instant dueAt) {}
