package dev.firebreak.notify.internal.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.notify.DeliveryOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {
    private static SendFailedException rejected(int code, String reply) throws Exception {
        var address = new InternetAddress("bob@example.com");
        var failed = new SMTPAddressFailedException(address, "RCPT TO:<bob@example.com>", code, reply);
        return new SendFailedException(
                "Invalid Addresses", failed, new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {
                    address
                });
    }

    private static MailSendException sendFailed(Exception e) {
        return new MailSendException(Map.of(new Object(), e));
    }

    @Test
    void aMailboxUnknown550_isPermanentAndDisablesTheMethod() throws Exception {
        DeliveryOutcome outcome =
                SmtpFailures.classify(sendFailed(rejected(550, "550 5.1.1 <bob@example.com>: mailbox unknown\r\n")));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Permanent.class, p -> {
            assertThat(p.disable()).isTrue();
            assertThat(p.answer())
                    .isEqualTo("the server rejected bob@example.com: 550 5.1.1 <bob@example.com>: mailbox unknown");
        });
    }

    @Test
    void aPolicy550_isPermanentButKeepsTheMethod() throws Exception {
        DeliveryOutcome outcome = SmtpFailures.classify(sendFailed(rejected(550, "550 5.7.1 relaying denied")));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Permanent.class, p -> assertThat(p.disable())
                .isFalse());
    }

    @Test
    void fourHundredsConnectionsAndTimeouts_areTemporary() throws Exception {
        assertThat(SmtpFailures.classify(sendFailed(rejected(452, "452 4.2.2 mailbox full"))))
                .isInstanceOf(DeliveryOutcome.Temporary.class);
        MessagingException refused =
                new MessagingException("Couldn't connect", new ConnectException("Connection refused"));
        assertThat(SmtpFailures.classify(new MailSendException("Mail server connection failed", refused)))
                .isInstanceOfSatisfying(DeliveryOutcome.Temporary.class, t -> assertThat(t.answer())
                        .contains("mail server unreachable"));
        assertThat(SmtpFailures.classify(
                        sendFailed(new MessagingException("read", new SocketTimeoutException("Read timed out")))))
                .isInstanceOf(DeliveryOutcome.Temporary.class);
        assertThat(SmtpFailures.classify(new MessagingException("Got bad greeting from SMTP host, response: 421 busy")))
                .isInstanceOf(DeliveryOutcome.Temporary.class);
    }

    @Test
    void aRefusedMessageOrLogin_isPermanent() {
        var data = new SMTPSendFailedException("DATA", 554, "554 5.7.1 spam", null, null, null, null);
        assertThat(SmtpFailures.classify(sendFailed(data))).isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(SmtpFailures.classify(
                        new MessagingException("auth", new AuthenticationFailedException("535 5.7.8"))))
                .isInstanceOfSatisfying(DeliveryOutcome.Permanent.class, p -> assertThat(p.answer())
                        .contains("refused the login"));
        var temporary = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try later", null, null, null, null);
        assertThat(SmtpFailures.classify(sendFailed(temporary))).isInstanceOf(DeliveryOutcome.Temporary.class);
    }
}
