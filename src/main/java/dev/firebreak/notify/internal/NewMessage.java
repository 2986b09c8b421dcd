package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.Urgency;
import java.time.Instant;

/**
 * A message to write. {@code causeKey} names what caused it (a page and a rule, a state change and a
 * channel) and is unique, so a second delivery of the cause writes nothing.
 *
 * @param subject and {@code body}: set for messages written with their words (verification, test);
 *     null ones are rendered from the incident when sent
 */
public record NewMessage(
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
        Instant dueAt,
        String subject,
        String body) {}
