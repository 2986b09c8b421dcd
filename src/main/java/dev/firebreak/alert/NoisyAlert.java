package dev.firebreak.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert (a fingerprint: one label set) by how often it fired.
 *
 * @param name the alertname label, else the fingerprint
 * @param firings times it started firing in the range (each a row of the alert history)
 * @param receives deliveries of it the senders made, resends included
 * @param labels its labels as last received
 */
public record NoisyAlert(
        String fingerprint,
        String name,
        long firings,
        long receives,
        Instant lastFiredAt,
        Map<String, String> labels) {}
