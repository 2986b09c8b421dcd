package dev.firebreak.escalation;

import java.time.Instant;

/**
 * One person to notify about one incident, written once per escalation advance ({@code seq}).
 *
 * @param step the step index in its tier, from 0
 * @param loop 0 the first time through the steps, then one more per repeat
 * @param target what the person was paged as, e.g. {@code schedule:primary} or {@code user:alice}
 */
public record Page(
        long id,
        long incidentId,
        int cycle,
        int seq,
        int step,
        int loop,
        String policy,
        String username,
        String target,
        PageReason reason,
        Instant dueAt,
        Instant createdAt,
        PageState state) {}
