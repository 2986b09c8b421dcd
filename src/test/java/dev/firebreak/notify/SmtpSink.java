package dev.firebreak.notify;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GreenMail as the SMTP server of the email tests, on a fixed loopback port so it can be stopped
 * and started again mid-test. Recipients whose local part starts with {@code gone} are refused with
 * {@code 550 5.1.1} at RCPT and {@code busy} ones with {@code 451 4.7.1}, as a real server would.
 */
final class SmtpSink {
    static final int PORT = freePort();

    private static GreenMail server;

    private SmtpSink() {}

    static synchronized void start() {
        if (server == null || !server.isRunning()) {
            server = new RejectingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Every message received since the server last started. */
    static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    static List<MimeMessage> withMessageId(String messageId) {
        return received().stream()
                .filter(m -> {
                    try {
                        return messageId.equals(m.getMessageID());
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    static List<MimeMessage> to(String address) {
        return received().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients() != null
                                && Arrays.stream(m.getAllRecipients())
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class RejectingGreenMail extends GreenMail {
        RejectingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            return super.createServices(config, new RejectingManagers(managers));
        }
    }

    private static final class RejectingManagers extends Managers {
        private final Managers delegate;
        private final SmtpManager smtp;

        RejectingManagers(Managers delegate) {
            this.delegate = delegate;
            this.smtp = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    String local = recipient.getUser();
                    if (local.startsWith("gone")) {
                        return "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: mailbox unknown";
                    }
                    if (local.startsWith("busy")) {
                        return "451 4.7.1 <" + recipient.getEmail() + ">: greylisted, try again later";
                    }
                    return null;
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return delegate.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delegate.getImapHostManager();
        }
    }
}
