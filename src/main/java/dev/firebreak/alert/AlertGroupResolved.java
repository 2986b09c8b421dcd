package dev.firebreak.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * Every alert of a group that fired is resolved. A durable publication, like {@link AlertGroupFiring}.
 *
 * @param at when the group resolved; a listener that applied a later event of the group can drop it
 * @param id the event's identity: a listener that applied it already can drop a second delivery
 */
public record AlertGroupResolved(AlertGroup group, Instant at, UUID id) {

    /** A new event, with an id of its own. */
    public AlertGroupResolved(AlertGroup group, Instant at) {
        this(group, at, UUID.randomUUID());
    }
}
