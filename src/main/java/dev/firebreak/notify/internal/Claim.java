package dev.firebreak.notify.internal;

import java.time.Instant;
import java.util.List;

/** What the claim step decided for one execution of a message's send. */
sealed interface Claim {
    /** Nothing to send: the message is finished, cancelled, bundled or gone. */
    record Done() implements Claim {}

    /** Not yet: its rule's delay, a retry's backoff or a throttle. */
    record Later(Instant at) implements Claim {}

    /** Claimed for this attempt, with the pages of a burst it carries. */
    record Go(MessageRow message, List<MessageRow> bundled) implements Claim {}
}
