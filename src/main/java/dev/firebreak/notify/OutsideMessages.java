package dev.firebreak.notify;

import dev.firebreak.notify.internal.OutsideWriter;
import dev.firebreak.notify.internal.channel.DestinationCheck;
import dev.firebreak.notify.internal.channel.PersonalWebhookSecrets;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to people outside Firebreak, such as a status page's subscribers: an email address or
 * a webhook URL, through the ledger like every other message (one row, sent from the notify lane
 * with retries). Webhooks are signed with Standard Webhooks, with a secret derived per receiver.
 */
@Service
public class OutsideMessages {
    private final OutsideWriter writer;
    private final DestinationCheck check;
    private final PersonalWebhookSecrets secrets;

    OutsideMessages(OutsideWriter writer, DestinationCheck check, PersonalWebhookSecrets secrets) {
        this.writer = writer;
        this.check = check;
        this.secrets = secrets;
    }

    /**
     * One message.
     *
     * @param causeKey unique per message: the same key twice writes one message
     * @param label names the receiver (a subscriber's id); keys the webhook's signing secret
     * @param body the text of a mail, or the JSON body of a webhook
     * @param unsubscribeUrl the one-click unsubscribe link, as mail headers (RFC 8058), or null
     */
    public record Outgoing(
            String causeKey,
            ChannelType channel,
            String address,
            String label,
            String subject,
            String body,
            String unsubscribeUrl) {
        public Outgoing {
            if (!ChannelType.EMAIL.equals(channel) && !ChannelType.WEBHOOK.equals(channel)) {
                throw new IllegalArgumentException("outside messages go by email or webhook, not " + channel);
            }
        }
    }

    /** Writes the message in the caller's transaction; empty when its cause already wrote one. */
    @Transactional
    public Optional<Long> stage(Outgoing message) {
        return writer.write(
                message.causeKey(),
                message.channel(),
                message.address(),
                message.label(),
                message.subject(),
                message.body(),
                message.unsubscribeUrl());
    }

    /**
     * Whether messages could go to the address: a valid email address, or a URL the network policy
     * allows ({@code firebreak.notify.allowed-networks}).
     *
     * @throws InvalidDestination on {@code field}
     */
    public void check(ChannelType channel, String field, String address) {
        check.check(channel, field, address);
    }

    /** The {@code whsec_} secret that signs webhooks to this receiver and URL, for the receiver to verify. */
    public String webhookSecret(String label, String url) {
        return secrets.secretFor(label, url);
    }
}
