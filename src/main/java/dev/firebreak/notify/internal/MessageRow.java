package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.Urgency;
import java.time.Instant;

/** A ledger row as the sender reads it. */
public record MessageRow(
        long id,
        String key,
        String causeKey,
        MessageKind kind,
        Long incidentId,
        Long pageId,
        Integer pageSeq,
        String username,
        Long contactMethodId,
        Long channelId,
        ChannelType channel,
        String address,
        Urgency urgency,
        MessageState state,
        Instant dueAt,
        Instant createdAt,
        Instant sentAt,
        Instant deliveredAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String providerId,
        Long bundleId,
        String subject,
        String body) {

    /** Messages to one person's contact method throttle and bundle together; channels do not. */
    boolean personal() {
        return contactMethodId != null;
    }
}
