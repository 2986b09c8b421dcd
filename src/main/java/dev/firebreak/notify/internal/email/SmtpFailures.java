package dev.firebreak.notify.internal.email;

import dev.firebreak.notify.DeliveryOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * What a failed SMTP send came to: 4xx replies, refused connections and timeouts are temporary;
 * 5xx replies and rejected addresses permanent. A mailbox the server says does not exist (enhanced
 * status 5.1.1, 5.1.2, 5.1.10) also disables the contact method until it is verified again.
 */
final class SmtpFailures {
    private static final Pattern REPLY = Pattern.compile("(?:^|response: |\\s)([245]\\d\\d)[ -]");
    private static final Pattern GONE = Pattern.compile("\\b5\\.1\\.(1|2|10)\\b");

    private SmtpFailures() {}

    static DeliveryOutcome classify(Exception failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException rejected) {
                String answer = "the server rejected " + rejected.getAddress() + ": " + text(rejected);
                return byCode(
                        rejected.getReturnCode(),
                        answer,
                        GONE.matcher(text(rejected)).find());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSenderFailedException sender) {
                return byCode(
                        sender.getReturnCode(),
                        "the server refused the sender " + sender.getAddress() + ": " + text(sender)
                                + " (check spring.mail.properties.mail.from)",
                        false);
            }
            if (t instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode(), "the server refused the message: " + text(send), false);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException) {
                return new DeliveryOutcome.Permanent(
                        null, "the mail server refused the login (spring.mail.username/password): " + text(t), false);
            }
            if (t instanceof AddressException bad) {
                return new DeliveryOutcome.Permanent(null, "not an email address: " + text(bad), false);
            }
            if (t instanceof SendFailedException send
                    && send.getInvalidAddresses() != null
                    && send.getInvalidAddresses().length > 0) {
                return new DeliveryOutcome.Permanent(null, "the server rejected the address: " + text(send), false);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException io) {
                return new DeliveryOutcome.Temporary(null, "mail server unreachable: " + describe(io), null);
            }
        }
        for (Throwable t : chain) {
            Matcher reply = REPLY.matcher(text(t));
            if (reply.find()) {
                return byCode(Integer.parseInt(reply.group(1)), text(t), false);
            }
        }
        return new DeliveryOutcome.Temporary(null, "could not send: " + describe(failure), null);
    }

    private static DeliveryOutcome byCode(int code, String answer, boolean gone) {
        if (code >= 400 && code < 500) {
            return new DeliveryOutcome.Temporary(null, answer, null);
        }
        if (code >= 500) {
            return new DeliveryOutcome.Permanent(null, answer, gone);
        }
        return new DeliveryOutcome.Temporary(null, answer, null);
    }

    /** Causes, JavaMail's next exceptions and each failed message's own exception, once each. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t instanceof MailSendException send) {
                todo.addAll(send.getFailedMessages().values());
            }
            if (t instanceof MessagingException messaging) {
                todo.add(messaging.getNextException());
            }
            todo.add(t.getCause());
        }
        return out;
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        return t.getMessage() == null ? name : name + " (" + text(t) + ")";
    }
}
