package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.Urgency;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ledger rows for addresses outside Firebreak (a status page's subscribers), written with their
 * words in the caller's transaction and sent at once from the lane, with its retries.
 */
@Component
public class OutsideWriter {
    private final MessageStore messages;
    private final ListUnsubscribeStore unsubscribe;
    private final TaskLanes lanes;
    private final Clock clock;

    OutsideWriter(MessageStore messages, ListUnsubscribeStore unsubscribe, TaskLanes lanes, Clock clock) {
        this.messages = messages;
        this.unsubscribe = unsubscribe;
        this.lanes = lanes;
        this.clock = clock;
    }

    /**
     * {@code label} names the receiver and keys a webhook's signing secret; it sits in the row's
     * username column, which throttles nothing without a contact method. An unsubscribe link
     * becomes the mail's List-Unsubscribe headers.
     */
    public Optional<Long> write(
            String causeKey,
            ChannelType channel,
            String address,
            String label,
            String subject,
            String body,
            String unsubscribeUrl) {
        Instant now = LedgerTime.now(clock);
        Optional<Long> id = messages.insert(
                new NewMessage(
                        causeKey,
                        MessageKind.SUBSCRIBER,
                        null,
                        null,
                        null,
                        label,
                        null,
                        null,
                        channel,
                        address,
                        Urgency.LOW,
                        now,
                        subject,
                        body),
                now);
        id.ifPresent(message -> {
            if (unsubscribeUrl != null) {
                unsubscribe.save(message, unsubscribeUrl);
            }
            NotifyLane.schedule(lanes, message, now, now);
        });
        return id;
    }
}
