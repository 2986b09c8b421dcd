package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.notify.internal.RuleStore;
import dev.firebreak.oncall.ContactMethod;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages by email through a real SMTP server: both parts, the ledger's key as Message-ID and one
 * thread per incident; a server that is down (retried, nothing lost) and one that refuses the
 * address (the person's next rule at once).
 */
@Tag("database")
class EmailIT extends EmailServerTest {
    @Autowired
    RuleStore rules;

    @Autowired
    ContactVerification verification;

    @Test
    void aPageArrivesWithBothParts_itsKeyAsMessageId_andLaterOnesInTheIncidentsThread() throws Exception {
        String alice = user();
        String address = alice + "@example.com";
        verifiedEmail(alice, address);
        long id = open(policyFor(alice, Duration.ofMinutes(1), 1), "Zqxv disk <full> & \"hot\"");

        Message first = awaitMessage(id, m -> m.state() == MessageState.SENT);
        assertThat(first.kind()).isEqualTo(MessageKind.PAGE);
        assertThat(first.channel()).isEqualTo(ChannelType.EMAIL);
        List<MimeMessage> got = SmtpSink.withMessageId("<" + first.key() + "@firebreak>");
        assertThat(got).hasSize(1);
        MimeMessage mail = got.getFirst();
        assertThat(mail.getSubject()).isEqualTo(first.subject()).endsWith("Zqxv disk <full> & \"hot\"");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Firebreak on call <oncall@firebreak.test>");
        assertThat(mail.getHeader("References")).containsExactly("<incident-" + id + "@firebreak>");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html");
        String plain = (String) text.getContent();
        assertThat(plain)
                .contains("You are paged for incident #" + id + ": Zqxv disk <full> & \"hot\"")
                .contains("Open incident: http://firebreak.test/incidents/" + id)
                .contains("Severity: ");
        String page = (String) html.getContent();
        assertThat(page)
                .contains("Zqxv disk &lt;full&gt; &amp; &quot;hot&quot;")
                .doesNotContain("<full>")
                .containsPattern("<a href=\"http://firebreak.test/incidents/" + id + "\" style=\"[^\"]*padding[^\"]*\">"
                        + "Open incident</a>");

        // The policy repeats a minute later: the second page is a reply in the same thread.
        clock.advance(Duration.ofMinutes(1));
        Message second = awaitMessage(id, m -> m.state() == MessageState.SENT && m.id() != first.id());
        MimeMessage reply = await().atMost(Duration.ofSeconds(10))
                .until(() -> SmtpSink.withMessageId("<" + second.key() + "@firebreak>"), l -> l.size() == 1)
                .getFirst();
        assertThat(reply.getHeader("In-Reply-To")).containsExactly("<incident-" + id + "@firebreak>");
        assertThat(reply.getHeader("References")).containsExactly("<incident-" + id + "@firebreak>");
        assertThat(reply.getMessageID()).isNotEqualTo(mail.getMessageID());
    }

    @Test
    void aMailServerThatIsDown_leavesThePageDueWithItsAttempt_andItIsSentOnceWhenTheServerIsBack() throws Exception {
        String bob = user();
        String address = bob + "@example.com";
        verifiedEmail(bob, address);
        String policy = policyFor(bob, Duration.ofMinutes(30), 0);
        SmtpSink.stop();
        try {
            long id = open(policy, "Zqxv queue stuck");
            Message waiting = awaitMessage(id, m -> m.attempts() >= 1 && m.nextAttemptAt() != null);
            assertThat(waiting.state()).isEqualTo(MessageState.DUE);
            assertThat(waiting.attemptLog()).hasSize(1);
            assertThat(waiting.attemptLog().getFirst().outcome()).isEqualTo(Message.Outcome.TEMPORARY);
            assertThat(waiting.lastError()).contains("mail server unreachable");

            SmtpSink.start();
            clock.set(waiting.nextAttemptAt());
            Message sent = awaitMessage(id, m -> m.id() == waiting.id() && m.state() == MessageState.SENT);
            assertThat(sent.attemptLog())
                    .extracting(Message.Attempt::outcome)
                    .containsExactly(Message.Outcome.TEMPORARY, Message.Outcome.SENT);
            assertThat(SmtpSink.withMessageId("<" + sent.key() + "@firebreak>")).hasSize(1);
            assertThat(messages(id)).hasSize(1);
        } finally {
            SmtpSink.start();
        }
    }

    @Test
    void aMailboxTheServerRefusesWith550_failsForGood_andThePersonsNextRuleIsDueAtOnce() {
        String carol = user();
        ContactMethod gone = verifiedEmail(carol, "gone-" + carol + "@example.com");
        ContactMethod good = verifiedEmail(carol, carol + "@example.com");
        rules.replace(
                carol,
                List.of(
                        new NotificationRule(0, Urgency.HIGH, gone.id(), Duration.ZERO),
                        new NotificationRule(0, Urgency.HIGH, good.id(), Duration.ofMinutes(5))));
        long id = open(policyFor(carol, Duration.ofMinutes(30), 0), "Zqxv cache cold");

        Message sent = awaitMessage(id, m -> m.state() == MessageState.SENT);
        assertThat(sent.address()).isEqualTo(good.address());
        // Not five minutes later: the clock did not move.
        assertThat(sent.sentAt()).isBefore(sent.createdAt().plus(Duration.ofMinutes(5)));
        Message failed = messages(id).stream()
                .filter(m -> m.address().equals(gone.address()))
                .findFirst()
                .orElseThrow();
        assertThat(failed.state()).isEqualTo(MessageState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("550 5.1.1").contains("mailbox unknown");
        assertThat(failed.attemptLog().getFirst().outcome()).isEqualTo(Message.Outcome.PERMANENT);
        assertThat(SmtpSink.to(good.address())).hasSize(1);
        // 5.1.1: the mailbox does not exist, so the method stops getting pages until verified again.
        ContactStatus status = verification.status(carol, gone.id());
        assertThat(status.state()).isEqualTo(ContactStatus.State.DISABLED);
        assertThat(status.reason()).contains("550 5.1.1");
    }

    @Test
    void aGreylisting451_isTemporary() {
        String dan = user();
        verifiedEmail(dan, "busy-" + dan + "@example.com");
        long id = open(policyFor(dan, Duration.ofMinutes(30), 0), "Zqxv slow disk");
        Message waiting = awaitMessage(id, m -> m.attempts() >= 1 && m.nextAttemptAt() != null);
        assertThat(waiting.state()).isEqualTo(MessageState.DUE);
        assertThat(waiting.attemptLog().getFirst().outcome()).isEqualTo(Message.Outcome.TEMPORARY);
        assertThat(waiting.lastError()).contains("451 4.7.1");
    }
}
