package dev.firebreak.statuspage;

import java.time.Instant;

/**
 * A component a page shows. {@code group} puts components under one heading; {@code service} is
 * the on-call service it stands for, which only responders see.
 */
public record StatusComponent(
        long id,
        String publicId,
        long pageId,
        String name,
        String description,
        String group,
        String service,
        int position,
        Instant createdAt,
        Instant updatedAt) {}
