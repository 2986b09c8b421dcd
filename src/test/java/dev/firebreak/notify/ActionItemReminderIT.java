package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.postmortem.ActionItemStatus;
import dev.firebreak.postmortem.ActionItems;
import dev.firebreak.postmortem.Postmortems;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An overdue action item reminds its owner by email, once, then a day later while it stays open. */
@Tag("database")
class ActionItemReminderIT extends EmailServerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Postmortems postmortems;

    @Autowired
    ActionItems items;

    @Test
    void theOwnerIsRemindedWhenItIsOverdueAndNotAfterItIsDone() throws Exception {
        String owner = user();
        String address = owner + "@example.test";
        verifiedEmail(owner, address);
        long incident = open(null, "zqxv reminder " + owner);
        incidents.resolve(incident, owner);
        long postmortem = postmortems.draft(incident, owner).id();
        long item = items.add(
                        postmortem, new ActionItems.NewItem("Renew certificates", owner, null, "24h", false), owner)
                .id();
        int before = SmtpSink.to(address).size();

        clock.advance(Duration.ofHours(23));
        Thread.sleep(1500); // a poll or two of the scheduler: not due yet
        assertThat(SmtpSink.to(address)).hasSize(before);

        clock.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> SmtpSink.to(address).size() == before + 1);
        var mail = SmtpSink.to(address).getLast();
        assertThat(mail.getSubject()).isEqualTo("Action item overdue: Renew certificates");
        var parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("http://firebreak.test/postmortems/" + postmortem);
        assertThat(notifications.forIncident(incident))
                .extracting(Message::kind)
                .contains(MessageKind.ACTION_ITEM_REMINDER);

        clock.advance(Duration.ofHours(25));
        await().atMost(WAIT).until(() -> SmtpSink.to(address).size() == before + 2);

        items.change(item, new ActionItems.Change(null, null, null, ActionItemStatus.DONE), owner);
        clock.advance(Duration.ofDays(2));
        Thread.sleep(2000);
        assertThat(SmtpSink.to(address)).hasSize(before + 2);
    }
}
