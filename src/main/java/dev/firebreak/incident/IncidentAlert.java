package dev.firebreak.incident;

import dev.firebreak.alert.AlertStatus;
import java.time.Instant;
import java.util.Map;

/** An alert of an incident, as it was when the incident last heard of it. */
public record IncidentAlert(
        long alertId,
        String fingerprint,
        String name,
        AlertStatus status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant lastSeenAt) {}
