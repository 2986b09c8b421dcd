package dev.firebreak.escalation;

import static dev.firebreak.escalation.EscalationFixtures.step;
import static dev.firebreak.escalation.EscalationFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.IncidentEscalated;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.IncidentsOpened;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.support.ServerTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine against real timers: db-scheduler polls every 500 ms and reads the test clock, so a
 * test moves the clock past a delay and waits at most a few polls, never the delay itself.
 */
@Tag("database")
// A context of its own: other tests' timers and clock moves in a shared context would fall due here.
@org.springframework.test.context.TestPropertySource(properties = "firebreak.scheduler.threads=6")
class EscalationIT extends ServerTest {
    private static final Duration POLLS = Duration.ofMillis(1300);

    @Autowired
    Incidents incidents;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    Schedules schedules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    EscalationFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new EscalationFixtures(accounts, schedules, policies, incidents, alertGroups());
    }

    @Test
    void pagingContinuesAfterAcknowledge_never() {
        String alice = fx.user();
        String bob = fx.user();
        String policy =
                fx.policy(0, null, step(Duration.ofMinutes(5), user(alice)), step(Duration.ofMinutes(5), user(bob)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);

        incidents.acknowledge(id, alice);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().state() == EscalationState.ACKNOWLEDGED);
        clock.advance(Duration.ofMinutes(30));
        pause();

        assertThat(users(id)).containsExactly(alice);
        assertThat(escalations.status(id).orElseThrow().nextStepAt()).isNull();
        assertThat(pendingTimers(id)).isZero();
    }

    @Test
    void aWaitTimeIgnored_never() {
        String alice = fx.user();
        String bob = fx.user();
        String policy =
                fx.policy(0, null, step(Duration.ofMinutes(10), user(alice)), step(Duration.ofMinutes(10), user(bob)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);
        Page first = escalations.pages(id).getFirst();
        assertThat(escalations.status(id).orElseThrow().nextStepAt())
                .isEqualTo(first.dueAt().plus(Duration.ofMinutes(10)));

        clock.set(first.dueAt().plus(Duration.ofMinutes(10)).minusSeconds(1));
        pause();
        assertThat(users(id)).containsExactly(alice);

        clock.advance(Duration.ofSeconds(1));
        long start = System.nanoTime();
        awaitPages(id, 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        Page second = escalations.pages(id).get(1);
        assertThat(second.username()).isEqualTo(bob);
        assertThat(second.step()).isEqualTo(1);
        assertThat(second.reason()).isEqualTo(PageReason.STEP);
        assertThat(Duration.between(first.dueAt(), second.dueAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anOldAcknowledgedIncidentPagingAgain_onlyAfterTheAckTimeout() {
        String alice = fx.user();
        String policy = fx.policy(0, Duration.ofMinutes(30), step(Duration.ofMinutes(5), user(alice)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);
        incidents.acknowledge(id, alice);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().ackTimeoutAt() != null);

        clock.advance(Duration.ofMinutes(20));
        incidents.note(id, alice, "restarting the workers");
        clock.advance(Duration.ofMinutes(15));
        pause();
        // 35 minutes after the acknowledge, 15 after the note: worked on, so not paged again.
        assertThat(incidents.get(id).state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(users(id)).hasSize(1);

        clock.advance(Duration.ofMinutes(16));
        awaitPages(id, 2);
        assertThat(incidents.get(id).state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(escalations.pages(id).get(1).reason()).isEqualTo(PageReason.ACK_TIMEOUT);
        assertThat(escalations.status(id).orElseThrow().state()).isEqualTo(EscalationState.ACTIVE);
        assertThat(details(id, TimelineDetail.StateChange.class))
                .anyMatch(s -> s.cause() == TimelineDetail.StateChange.Cause.ACK_TIMEOUT);
    }

    @Test
    void aStepWithNobodyOnCall_isSkippedAtOnce() {
        String alice = fx.user();
        String bob = fx.user();
        String empty = fx.emptySchedule(alice);
        String policy = fx.policy(
                0,
                null,
                step(Duration.ofMinutes(15), new StepTarget(StepTarget.Kind.SCHEDULE, empty)),
                step(Duration.ofMinutes(15), user(bob)));
        long id = fx.open(fx.group(policy));

        awaitPages(id, 1);
        assertThat(users(id)).containsExactly(bob);
        assertThat(escalations.pages(id).getFirst().dueAt())
                .isEqualTo(incidents.get(id).openedAt());
        assertThat(details(id, TimelineDetail.StepSkipped.class))
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("nobody on call"));
    }

    @Test
    void aPolicyWhereNobodyIsOnCallAnywhere_stopsWithANoteInsteadOfLooping() {
        String alice = fx.user();
        String empty = fx.emptySchedule(alice);
        String policy =
                fx.policy(3, null, step(Duration.ofMinutes(1), new StepTarget(StepTarget.Kind.SCHEDULE, empty)));
        long id = fx.open(fx.group(policy));

        await().atMost(Duration.ofSeconds(5)).until(() -> escalations
                .status(id)
                .map(s -> s.state() == EscalationState.EXHAUSTED)
                .orElse(false));
        assertThat(users(id)).isEmpty();
        assertThat(details(id, TimelineDetail.EscalationEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.why()).isEqualTo(TimelineDetail.EscalationEnded.Why.NOBODY_ON_CALL));
    }

    @Test
    void aPolicyThatRepeats_pagesEachRoundThenSaysItIsExhausted() {
        String alice = fx.user();
        String policy = fx.policy(2, null, step(Duration.ofMinutes(1), user(alice)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);
        for (int round = 1; round <= 2; round++) {
            clock.advance(Duration.ofMinutes(1));
            awaitPages(id, round + 1);
        }
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().state() == EscalationState.EXHAUSTED);
        clock.advance(Duration.ofMinutes(5));
        pause();

        List<Page> pages = escalations.pages(id);
        assertThat(pages).extracting(Page::loop).containsExactly(0, 1, 2);
        assertThat(pages)
                .extracting(Page::reason)
                .containsExactly(PageReason.STEP, PageReason.REPEAT, PageReason.REPEAT);
        assertThat(details(id, TimelineDetail.EscalationEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.why()).isEqualTo(TimelineDetail.EscalationEnded.Why.EXHAUSTED));
    }

    @Test
    void pagingAfterResolve_never() {
        String alice = fx.user();
        String bob = fx.user();
        String policy =
                fx.policy(1, null, step(Duration.ofMinutes(5), user(alice)), step(Duration.ofMinutes(5), user(bob)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);
        incidents.resolve(id, alice);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().state() == EscalationState.STOPPED);
        clock.advance(Duration.ofHours(1));
        pause();
        assertThat(users(id)).containsExactly(alice);
        assertThat(pendingTimers(id)).isZero();
    }

    @Test
    void escalate_pagesTheNextStepNow_alsoWhenAcknowledged() {
        String alice = fx.user();
        String bob = fx.user();
        String carol = fx.user();
        String policy = fx.policy(
                0,
                null,
                step(Duration.ofMinutes(30), user(alice)),
                step(Duration.ofMinutes(30), user(bob)),
                step(Duration.ofMinutes(30), user(carol)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);

        incidents.escalate(id, alice, "need the database team");
        awaitPages(id, 2);
        assertThat(escalations.pages(id).get(1).reason()).isEqualTo(PageReason.ESCALATE_NOW);
        assertThat(escalations.pages(id).get(1).username()).isEqualTo(bob);

        incidents.acknowledge(id, bob);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().state() == EscalationState.ACKNOWLEDGED);
        incidents.escalate(id, bob, null);
        awaitPages(id, 3);
        assertThat(users(id)).containsExactly(alice, bob, carol);
        assertThat(escalations.status(id).orElseThrow().state()).isEqualTo(EscalationState.ACTIVE);
        // The timer of the step Escalate replaced finds its seq stale.
        clock.advance(Duration.ofMinutes(29));
        pause();
        assertThat(users(id)).hasSize(3);
    }

    @Test
    void aReopenedIncident_startsANewCycleFromTheFirstStep() {
        String alice = fx.user();
        String bob = fx.user();
        String policy =
                fx.policy(0, null, step(Duration.ofMinutes(5), user(alice)), step(Duration.ofMinutes(5), user(bob)));
        AlertGroup group = fx.group(policy);
        long id = fx.open(group);
        awaitPages(id, 1);
        clock.advance(Duration.ofMinutes(5));
        awaitPages(id, 2);
        fx.groups().resolve(group);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> escalations.status(id).orElseThrow().state() == EscalationState.STOPPED);

        fx.groups().fire(group);
        awaitPages(id, 3);
        Page reopened = escalations.pages(id).get(2);
        assertThat(reopened.username()).isEqualTo(alice);
        assertThat(reopened.cycle()).isEqualTo(2);
        assertThat(reopened.step()).isZero();
        assertThat(escalations.status(id).orElseThrow().cycle()).isEqualTo(2);
    }

    @Test
    void aSecondDeliveryOfIncidentOpened_pagesNobodyTwice() {
        String alice = fx.user();
        String policy = fx.policy(0, null, step(Duration.ofMinutes(5), user(alice)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);

        deliver(new IncidentsOpened(List.of(new IncidentOpened(id, "again", "P1", false))), "again");
        assertThat(users(id)).containsExactly(alice);
        assertThat(details(id, TimelineDetail.Paged.class)).hasSize(1);
    }

    @Test
    void aSecondDeliveryOfIncidentEscalated_movesOneStepOnly() {
        String alice = fx.user();
        String bob = fx.user();
        String carol = fx.user();
        String policy = fx.policy(
                0,
                null,
                step(Duration.ofMinutes(30), user(alice)),
                step(Duration.ofMinutes(30), user(bob)),
                step(Duration.ofMinutes(30), user(carol)));
        long id = fx.open(fx.group(policy));
        awaitPages(id, 1);

        IncidentEscalated pressed = new IncidentEscalated(id, alice, "pressed once");
        deliver(pressed, "pressed once");
        deliver(pressed, "pressed once");
        assertThat(users(id)).containsExactly(alice, bob);

        // Another press moves on; so does one stored before requests had an id.
        deliver(new IncidentEscalated(id, alice, "pressed before ids", null), "pressed before ids");
        assertThat(users(id)).containsExactly(alice, bob, carol);
    }

    @Test
    void anIncidentWithoutAPolicy_saysNobodyWasPaged() {
        long id = fx.open(fx.group(null));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !details(id, TimelineDetail.EscalationEnded.class).isEmpty());
        assertThat(details(id, TimelineDetail.EscalationEnded.class).getFirst().why())
                .isEqualTo(TimelineDetail.EscalationEnded.Why.NO_POLICY);
        assertThat(escalations.pages(id)).isEmpty();
    }

    /** Publishes a durable event as its feature does and waits until its listener completed. */
    private void deliver(Object event, String needle) {
        transactions.executeWithoutResult(s -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                                .param("%\"" + needle + "\"%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private void awaitPages(long id, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> escalations.pages(id).size() >= count);
        assertThat(escalations.pages(id)).hasSize(count);
    }

    private List<String> users(long id) {
        return escalations.pages(id).stream().map(Page::username).toList();
    }

    private long pendingTimers(long id) {
        return jdbc.sql(
                        "select count(*) from scheduled_tasks where task_name like 'escalation-%' and task_instance like ?")
                .param(id + "-%")
                .query(Long.class)
                .single();
    }

    private <T extends TimelineDetail> List<T> details(long id, Class<T> type) {
        return incidents.details(id).timeline().stream()
                .map(TimelineEntry::detail)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** A few scheduler polls: enough for a due timer to have fired. */
    private static void pause() {
        try {
            Thread.sleep(POLLS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
