package dev.firebreak.notify;

import dev.firebreak.notify.internal.ChannelStore;
import dev.firebreak.notify.internal.MessageRow;
import dev.firebreak.notify.internal.MessageStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery ledger as the incident page, the API and the CLI read it; and delivery receipts. */
@Service
public class Notifications implements DeliveryReceipts {
    private final MessageStore messages;
    private final ChannelStore channels;
    private final Clock clock;

    Notifications(MessageStore messages, ChannelStore channels, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.clock = clock;
    }

    /** Every message about an incident, oldest first, with its attempts. */
    public List<Message> forIncident(long incidentId) {
        return messages.forIncident(incidentId).stream().map(this::message).toList();
    }

    public Optional<Message> get(long id) {
        return messages.find(id).map(this::message);
    }

    /** Messages written after {@code afterId}, for exports and the benchmark. */
    public List<Message> after(long afterId, int limit) {
        return messages.after(afterId, Math.max(1, Math.min(limit, 1000))).stream()
                .map(this::message)
                .toList();
    }

    @Override
    @Transactional
    public boolean delivered(String messageKey, java.time.Instant at) {
        return messages.delivered(messageKey, at == null ? clock.instant() : at);
    }

    private Message message(MessageRow row) {
        return new Message(
                row.id(),
                row.key(),
                row.kind(),
                row.incidentId(),
                row.pageId(),
                recipient(row),
                row.channel(),
                mask(row),
                row.urgency(),
                row.state(),
                row.dueAt(),
                row.createdAt(),
                row.sentAt(),
                row.deliveredAt(),
                row.attempts(),
                row.nextAttemptAt(),
                row.lastError(),
                row.bundleId(),
                row.subject(),
                messages.attempts(row.id()));
    }

    private String recipient(MessageRow row) {
        if (row.username() != null || row.channelId() == null) {
            return row.username();
        }
        return channels.find(row.channelId()).map(NotifyChannel::name).orElse("channel " + row.channelId());
    }

    /** Webhook and chat URLs are secrets themselves: show the host only. */
    private static String mask(MessageRow row) {
        String address = row.address();
        if (address.startsWith("http://") || address.startsWith("https://")) {
            int slash = address.indexOf('/', address.indexOf("//") + 2);
            return slash < 0 ? address : address.substring(0, slash) + "/…";
        }
        return address;
    }
}
