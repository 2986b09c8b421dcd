package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.Escalations;
import dev.firebreak.escalation.Page;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.internal.ContactStatusStore;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger's rules with a provider added through the SPI: every page one row written with its
 * cause and sent once; temporary failures retried after their Retry-After; a permanent one moves
 * on at once; an acknowledge cancels what waits; a burst to one person is one message.
 */
@Tag("database")
@Import(NotifyCoreIT.Sms.class)
@TestPropertySource(properties = {"firebreak.notify.daily-cap=4", "firebreak.scheduler.threads=4"})
class NotifyCoreIT extends ServerTest {
    private static final Duration WAIT = Duration.ofSeconds(8);

    @TestConfiguration
    static class Sms {
        @Bean
        ScriptedSms scriptedSms() {
            return new ScriptedSms();
        }
    }

    @Autowired
    ScriptedSms sms;

    @Autowired
    Notifications notifications;

    @Autowired
    People people;

    @Autowired
    ContactStatusStore contacts;

    @Autowired
    Incidents incidents;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPageIsSentOnce_underOneKey() {
        String alice = user();
        String number = phone(alice);
        long id = open(policy(step(Duration.ofMinutes(5), alice)));

        await().atMost(WAIT).until(() -> sms.to(number).size() == 1);

        settle();
        Message message = only(id);
        assertThat(message.state()).isEqualTo(MessageState.SENT);
        assertThat(message.kind()).isEqualTo(MessageKind.PAGE);
        assertThat(message.recipient()).isEqualTo(alice);
        assertThat(message.attemptLog()).hasSize(1);
        assertThat(message.attemptLog().getFirst().outcome()).isEqualTo(Message.Outcome.SENT);
        assertThat(sms.to(number).getFirst().key()).isEqualTo(message.key());
        assertThat(sms.to(number).getFirst().title()).containsIgnoringCase("zqxv");
        Page page = escalations.pages(id).getFirst();
        assertThat(message.pageId()).isEqualTo(page.id());
    }

    @Test
    void theLedger_onTheApi_withClearErrors() {
        String alice = user();
        String number = phone(alice);
        long id = open(policy(step(Duration.ofMinutes(5), alice)));
        await().atMost(WAIT).until(() -> sms.to(number).size() == 1);
        settle();

        var messages = get("/api/v1/incidents/" + id + "/messages", tokenFor(Role.VIEWER));
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body())
                .contains("\"state\":\"SENT\"", "\"channel\":\"sms\"", "\"recipient\":\"" + alice + "\"")
                .contains("\"attemptLog\":[{\"number\":1");
        long messageId = notifications.forIncident(id).getFirst().id();
        assertThat(get("/api/v1/messages/" + messageId, tokenFor(Role.VIEWER)).body())
                .contains(
                        "\"key\":\"" + notifications.forIncident(id).getFirst().key() + "\"");

        var all = get("/api/v1/admin/messages?after=" + (messageId - 1) + "&limit=1", tokenFor(Role.ADMIN));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"id\":" + messageId);

        var badLimit = get("/api/v1/admin/messages?limit=0", tokenFor(Role.ADMIN));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(badLimit.body()).contains("limit must be between 1 and 1000");
        assertThat(get("/api/v1/admin/messages", tokenFor(Role.RESPONDER)).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/incidents/99999999/messages", tokenFor(Role.VIEWER))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/messages/99999999", tokenFor(Role.VIEWER)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aChatServicesTooManyRequests_isRetriedAfterItsRetryAfter() {
        String alice = user();
        String number = phone(alice);
        sms.answer(number, ScriptedSms.tooMany(Duration.ofSeconds(90)));
        long id = open(policy(step(Duration.ofMinutes(30), alice)));

        await().atMost(WAIT).until(() -> only(id).attempts() == 1 && only(id).state() == MessageState.DUE);
        Message waiting = only(id);
        assertThat(Duration.between(waiting.attemptLog().getFirst().startedAt(), waiting.nextAttemptAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(waiting.lastError()).contains("429");

        clock.advance(Duration.ofSeconds(91));
        await().atMost(WAIT).until(() -> only(id).state() == MessageState.SENT);
        assertThat(sms.to(number)).hasSize(1);
        assertThat(only(id).attemptLog())
                .extracting(Message.Attempt::outcome)
                .containsExactly(Message.Outcome.TEMPORARY, Message.Outcome.SENT);
    }

    @Test
    void aPermanentFailure_makesTheNextMethodDueAtOnce() {
        String alice = user();
        String first = phone(alice);
        String second = phone(alice);
        sms.answer(first, ScriptedSms.badNumber());
        long id = open(policy(step(Duration.ofMinutes(30), alice)));

        // The second method's rule is a minute later; it must not wait for it.
        await().atMost(WAIT).until(() -> sms.to(second).size() == 1);
        settle();
        await().atMost(WAIT).until(() -> notifications.forIncident(id).getLast().state() == MessageState.SENT);
        assertThat(sms.to(first)).isEmpty();
        List<Message> messages = notifications.forIncident(id);
        assertThat(messages).extracting(Message::state).containsExactly(MessageState.FAILED, MessageState.SENT);
        assertThat(messages.getFirst().lastError()).contains("not a mobile number");
    }

    @Test
    void nobodyReachable_movesEscalationToTheNextStepAtOnce() {
        String alice = user();
        String bob = user();
        sms.answer(phone(alice), ScriptedSms.badNumber());
        String bobs = phone(bob);
        long id = open(policy(step(Duration.ofMinutes(30), alice), step(Duration.ofMinutes(30), bob)));

        await().atMost(WAIT).until(() -> sms.to(bobs).size() == 1);

        settle();
        assertThat(escalations.pages(id)).extracting(Page::username).containsExactly(alice, bob);
    }

    @Test
    void aPersonWithNoWorkingMethod_isAFailedRow_andTheStepWaitsItsDelay() {
        String alice = user();
        people.addContactMethod(alice, ContactMethod.Kind.SMS, "+4915112345678", null); // never verified
        String bob = user();
        String bobs = phone(bob);
        long id = open(policy(step(Duration.ofMinutes(30), alice), step(Duration.ofMinutes(30), bob)));

        await().atMost(WAIT).until(() -> !notifications.forIncident(id).isEmpty());
        Message none = notifications.forIncident(id).getFirst();
        assertThat(none.state()).isEqualTo(MessageState.FAILED);
        assertThat(none.lastError()).contains("no working contact method");
        pause();
        assertThat(sms.to(bobs)).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        await().atMost(WAIT).until(() -> sms.to(bobs).size() == 1);
    }

    @Test
    void anAcknowledge_cancelsWhatIsStillWaiting() {
        String alice = user();
        String first = phone(alice);
        String second = phone(alice);
        long id = open(policy(step(Duration.ofMinutes(30), alice)));
        await().atMost(WAIT).until(() -> sms.to(first).size() == 1);
        settle();

        incidents.acknowledge(id, alice);
        clock.advance(Duration.ofMinutes(2));
        pause();
        assertThat(sms.to(second)).isEmpty();
        assertThat(notifications.forIncident(id))
                .extracting(Message::state)
                .containsExactly(MessageState.SENT, MessageState.CANCELLED);
    }

    @Test
    void aBurstToOnePerson_isOneMessage() {
        String alice = user();
        String number = phone(alice);
        String policy = policy(step(Duration.ofMinutes(30), alice));
        long one = open(policy);
        await().atMost(WAIT).until(() -> sms.to(number).size() == 1);
        settle();
        long two = open(policy);
        long three = open(policy);
        await().atMost(WAIT)
                .until(() -> only(two).state() == MessageState.DUE && only(two).lastError() != null);
        await().atMost(WAIT).until(() -> only(three).lastError() != null);

        clock.advance(Duration.ofSeconds(61));
        await().atMost(WAIT).until(() -> sms.to(number).size() == 2);
        settle();
        pause();
        assertThat(sms.to(number)).hasSize(2);
        Message carrier = only(two).bundleId() == null ? only(two) : only(three);
        Message carried = carrier.id() == only(two).id() ? only(three) : only(two);
        assertThat(carried.state()).isEqualTo(MessageState.SENT);
        assertThat(carried.bundleId()).isEqualTo(carrier.id());
        assertThat(sms.to(number).get(1).text()).contains("#" + carried.incidentId());
        assertThat(only(one).state()).isEqualTo(MessageState.SENT);
    }

    @Test
    void theCommander_isRemindedWhenAnUpdateIsDue() {
        String alice = user();
        String number = phone(alice);
        String policy = policy(step(Duration.ofMinutes(30), alice));
        long id = open(policy);
        await().atMost(WAIT).until(() -> sms.to(number).size() == 1);
        settle();
        incidents.acknowledge(id, alice);
        incidents.assignRole(id, alice, "commander", alice);
        assertThat(jdbc.sql("select count(*) from notify_scheduled_tasks where task_name = 'notify-update-reminder'"
                                + " and task_instance = ?")
                        .param(id + "-1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(20));
        incidents.note(id, alice, "draining the queue");
        clock.advance(Duration.ofMinutes(11));
        pause();
        // 31 minutes open, 11 since the note: no reminder yet.
        assertThat(sms.to(number)).hasSize(1);

        clock.advance(Duration.ofMinutes(20));
        await().atMost(WAIT).until(() -> sms.to(number).size() == 2);
        settle();
        assertThat(sms.to(number).get(1).title()).startsWith("Update due: incident #" + id);
        assertThat(notifications.forIncident(id))
                .extracting(Message::kind)
                .containsExactly(MessageKind.PAGE, MessageKind.UPDATE_REMINDER);
    }

    /** The provider has answered: wait until its answer is recorded too. */
    private void settle() {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from notify_messages where state = 'SENDING'")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    private Message only(long incidentId) {
        List<Message> messages = notifications.forIncident(incidentId);
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private String user() {
        String name = "n" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
        return name;
    }

    /** A verified SMS number for the person; returns the number. */
    private String phone(String username) {
        String number = "+49151" + (10_000_000 + (long) (Math.random() * 89_999_999));
        ContactMethod method = people.addContactMethod(username, ContactMethod.Kind.SMS, number, null);
        contacts.verified(method.id(), username, clock.instant());
        return method.address();
    }

    private static PolicyStep step(Duration delay, String... users) {
        return new PolicyStep(
                Arrays.stream(users)
                        .map(u -> new StepTarget(StepTarget.Kind.USER, u))
                        .toList(),
                delay);
    }

    private String policy(PolicyStep... steps) {
        String name = "np" + UUID.randomUUID().toString().substring(0, 8);
        policies.save(
                new EscalationPolicy(name, null, 0, null, List.of(new PolicyTier(null, null, List.of(steps))), null),
                "test");
        return name;
    }

    private long open(String policy) {
        AlertGroup group = new AlertGroup(
                AlertGroups.key(),
                "default",
                Map.of(),
                "checkout",
                policy,
                "critical",
                null,
                List.of(AlertGroups.alert(
                        "Zqxv" + UUID.randomUUID().toString().substring(0, 6),
                        Map.of(),
                        incidents.now(),
                        "zqxv wobble")));
        alertGroups().fire(group);
        return incidents
                .list(new IncidentQuery(null, null, group.groupKey(), 10))
                .getFirst()
                .id();
    }

    private static void pause() {
        try {
            Thread.sleep(1300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
