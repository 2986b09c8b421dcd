package dev.firebreak.statuspage;

import java.time.Instant;

/** One update of a public incident, as posted; who posted it is kept for the audit, not shown. */
public record PublicUpdate(long id, String publicId, IncidentStatus status, String body, Instant createdAt) {}
