package dev.firebreak.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * A group has firing alerts to act on: after group_wait for a new group (at once for a PagerDuty
 * dedup key), after group_interval when alerts were added or changed, and every repeat_interval
 * while it keeps firing. A durable publication: its listeners get it at least once.
 *
 * @param at when the group fired; a listener that applied a later event of the group can drop it
 * @param id the event's identity: a listener that applied it already can drop a second delivery
 */
public record AlertGroupFiring(AlertGroup group, Instant at, UUID id) {

    /** A new event, with an id of its own. */
    public AlertGroupFiring(AlertGroup group, Instant at) {
        this(group, at, UUID.randomUUID());
    }
}
