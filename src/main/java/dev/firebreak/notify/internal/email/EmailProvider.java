package dev.firebreak.notify.internal.email;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.InvalidDestination;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.internal.ListUnsubscribeStore;
import dev.firebreak.notify.internal.ProviderReadiness;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Pages and updates by email over SMTP ({@code spring.mail.*}): multipart/alternative with plain
 * text and HTML, {@code Message-ID <key@firebreak>} so a resent message keeps its id, and one
 * thread per incident (docs/notify-email.md). Without a mail server every send fails for good with
 * the reason, so a page moves on to the person's next rule at once.
 */
@Component
class EmailProvider implements NotificationProvider, ProviderReadiness {
    private static final Logger log = LoggerFactory.getLogger(EmailProvider.class);
    static final String NOT_CONFIGURED = "no mail server is configured (set spring.mail.host)";

    private final MailSenders senders;
    private final EmailThreads threads;
    private final ListUnsubscribeStore unsubscribe;
    private final Clock clock;

    EmailProvider(MailSenders senders, EmailThreads threads, ListUnsubscribeStore unsubscribe, Clock clock) {
        this.senders = senders;
        this.threads = threads;
        this.unsubscribe = unsubscribe;
        this.clock = clock;
        if (!senders.configured()) {
            log.info("Email: {}; email contact methods are not paged", NOT_CONFIGURED);
        }
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public Optional<String> notReady() {
        return senders.configured() ? Optional.empty() : Optional.of(NOT_CONFIGURED);
    }

    @Override
    public void checkAddress(String address) {
        try {
            new InternetAddress(EmailAddress.check("address", address), true);
        } catch (FirebreakException e) {
            throw new InvalidDestination("address", e.getMessage());
        } catch (AddressException e) {
            throw new InvalidDestination("address", "'" + address + "' is not an email address: " + e.getMessage());
        }
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        if (!senders.configured()) {
            return new DeliveryOutcome.Permanent(null, NOT_CONFIGURED, false);
        }
        var sender = senders.forTimeout(message.timeout());
        String messageId = "<" + message.key() + "@firebreak>";
        try {
            MimeMessage mime = mime(sender.getSession(), message, messageId);
            sender.send(mime);
            return new DeliveryOutcome.Sent(null, "accepted by " + sender.getHost(), messageId);
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()
                    && e.getMessage() != null
                    && e.getMessage().startsWith("Failed to close")) {
                // The server took the message; only its QUIT went wrong.
                return new DeliveryOutcome.Sent(null, "accepted by " + sender.getHost(), messageId);
            }
            return SmtpFailures.classify(e);
        } catch (MailException | MessagingException e) {
            return SmtpFailures.classify(e);
        }
    }

    private MimeMessage mime(Session session, OutgoingMessage message, String messageId) throws MessagingException {
        MimeMessage mime = new KeyedMimeMessage(session, messageId);
        mime.setFrom(senders.from());
        mime.setRecipient(
                RecipientType.TO, new InternetAddress(message.destination().address(), true));
        mime.setSubject(EmailContent.subject(message.content()), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        if (message.incidentId() != null) {
            String thread = "<incident-" + message.incidentId() + "@firebreak>";
            mime.setHeader("References", thread);
            if (threads.earlierSent(message.incidentId(), message.destination().address(), message.id())) {
                mime.setHeader("In-Reply-To", thread);
            }
            mime.setHeader("X-Firebreak-Incident", String.valueOf(message.incidentId()));
        }
        // RFC 3834: machine-sent, so vacation responders and Exchange's auto-replies stay quiet.
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Auto-Response-Suppress", "All");
        mime.setHeader("X-Firebreak-Message", message.key());
        if (message.kind() == MessageKind.SUBSCRIBER) {
            // RFC 8058: mail clients offer one click that POSTs to the link, no page to visit.
            unsubscribe.find(message.id()).ifPresent(url -> {
                try {
                    mime.setHeader("List-Unsubscribe", "<" + url + ">");
                    mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(EmailContent.text(message.content(), message.key()), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailContent.html(message.content(), message.key()), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        return mime;
    }

    /** Keeps the ledger's key as Message-ID where JavaMail would make up its own on save. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
