package dev.firebreak.notify.internal;

import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.NotifyChannel;
import dev.firebreak.notify.NotifyProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The claim, in one transaction with the row locked: is it due, under the person's throttle and
 * daily cap, and which other due pages to the same contact method ride along (a burst becomes one
 * message). Channels (chat, webhook endpoints) are not throttled: every state change is news.
 */
@Component
class SendThrottle {
    private final MessageStore messages;
    private final Providers providers;
    private final Outcomes outcomes;
    private final ContactStatusStore contacts;
    private final ChannelStore channels;
    private final NotifyProperties properties;

    SendThrottle(
            MessageStore messages,
            Providers providers,
            Outcomes outcomes,
            ContactStatusStore contacts,
            ChannelStore channels,
            NotifyProperties properties) {
        this.messages = messages;
        this.channels = channels;
        this.contacts = contacts;
        this.providers = providers;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    Claim claim(long id, Instant now) {
        // Claims to one contact method take turns (its status row locked first), so two bursts
        // never lock each other's messages in opposite order.
        messages.find(id).map(MessageRow::contactMethodId).ifPresent(contact -> contacts.lock(contact));
        Optional<MessageRow> locked = messages.lock(id);
        if (locked.isEmpty() || locked.get().state().finished()) {
            return new Claim.Done();
        }
        MessageRow message = locked.get();
        boolean resend = message.state() == MessageState.SENDING;
        Instant due = message.nextAttemptAt() != null ? message.nextAttemptAt() : message.dueAt();
        if (!resend && due.isAfter(now)) {
            return new Claim.Later(due);
        }
        if (providers.find(message.channel()).isEmpty()) {
            outcomes.giveUp(message, List.of(), "no provider for channel " + message.channel(), now);
            return new Claim.Done();
        }
        if (message.channelId() != null && !resend) {
            // Removed or turned off after the message was written: nobody wants it there any more.
            Optional<NotifyChannel> channel = channels.find(message.channelId());
            if (channel.isEmpty() || !channel.get().enabled()) {
                messages.cancel(
                        message.id(),
                        channel.map(c -> "channel disabled: " + c.disabledReason())
                                .orElse("channel removed"));
                return new Claim.Done();
            }
        }
        List<MessageRow> bundled = List.of();
        if (message.personal() && !resend) {
            if (message.kind() == MessageKind.PAGE
                    && messages.sentToUserSince(message.username(), now.minus(Duration.ofDays(1)))
                            >= properties.dailyCap()) {
                outcomes.giveUp(message, List.of(), "daily cap of " + properties.dailyCap() + " messages reached", now);
                return new Claim.Done();
            }
            Duration window = properties.throttle();
            if (!window.isZero() && message.kind() == MessageKind.PAGE) {
                Optional<Instant> last = messages.lastSentTo(message.contactMethodId());
                if (last.isPresent() && last.get().plus(window).isAfter(now)) {
                    Instant at = last.get().plus(window);
                    messages.postpone(message.id(), at, "throttled: one message per " + window.toSeconds() + " s");
                    return new Claim.Later(at);
                }
                bundled = messages.dueForContact(message.contactMethodId(), message.id(), now);
                bundled.forEach(other -> messages.bundled(other.id(), message.id()));
            }
        }
        messages.claim(message.id());
        MessageRow claimed = messages.find(message.id()).orElseThrow();
        return new Claim.Go(claimed, bundled);
    }
}
