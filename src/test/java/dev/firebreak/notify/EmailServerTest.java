package dev.firebreak.notify;

import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Server tests with a real SMTP server (GreenMail on a loopback port, {@link SmtpSink}); the
 * subclasses share one context. Each test makes its own people, policies and incidents.
 */
@TestPropertySource(
        properties = {
            "firebreak.notify.allowed-networks=127.0.0.0/8",
            "firebreak.notify.base-url=http://firebreak.test",
            "firebreak.notify.timeouts.email=3s"
        })
public abstract class EmailServerTest extends ServerTest {
    @Autowired
    protected People people;

    @Autowired
    protected Incidents incidents;

    @Autowired
    protected EscalationPolicies policies;

    @Autowired
    protected Notifications notifications;

    @Autowired
    protected ContactStatusStore contactStatus;

    @Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The test clock stands still at a time with nanoseconds, which the database rounds to
     * microseconds, sometimes up: a message due "now" would read back as due a microsecond from
     * now and wait for a clock that never moves. Whole milliseconds store exactly.
     */
    @org.junit.jupiter.api.BeforeEach
    void wholeMilliseconds() {
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SmtpSink.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SmtpSink.PORT);
        registry.add("spring.mail.properties.mail.from", () -> "Firebreak on call <oncall@firebreak.test>");
    }

    protected static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String user() {
        String name = name("u");
        accounts.create(name, "password-" + name, Role.RESPONDER, null, null);
        return name;
    }

    /** An email contact method, verified as its owner would. */
    protected ContactMethod verifiedEmail(String username, String address) {
        ContactMethod method = people.addContactMethod(username, ContactMethod.Kind.EMAIL, address, null);
        contactStatus.verified(method.id(), username, clock.instant());
        return method;
    }

    /** A policy that pages one person, then waits {@code delay}, repeating {@code repeat} times. */
    protected String policyFor(String username, Duration delay, int repeat) {
        String name = name("p");
        policies.save(
                new EscalationPolicy(
                        name,
                        null,
                        repeat,
                        null,
                        List.of(new PolicyTier(
                                null,
                                null,
                                List.of(new PolicyStep(
                                        List.of(new StepTarget(StepTarget.Kind.USER, username)), delay)))),
                        null),
                "test");
        return name;
    }

    /** Opens an incident whose title is {@code summary}, escalated by {@code policy}. */
    protected long open(String policy, String summary) {
        AlertGroup group = new AlertGroup(
                AlertGroups.key(),
                "default",
                Map.of(),
                "checkout",
                policy,
                "critical",
                null,
                List.of(AlertGroups.alert(
                        "Zqxv" + UUID.randomUUID().toString().substring(0, 6), Map.of(), incidents.now(), summary)));
        alertGroups().fire(group);
        return incidents
                .list(new IncidentQuery(null, null, group.groupKey(), 10))
                .getFirst()
                .id();
    }

    protected List<Message> messages(long incidentId) {
        return notifications.forIncident(incidentId);
    }

    /** Waits until a message of the incident satisfies the condition, and returns it. */
    protected Message awaitMessage(long incidentId, Predicate<Message> condition) {
        try {
            return await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> messages(incidentId).stream()
                                    .filter(condition)
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no such message at " + clock.instant() + "; the incident's: " + messages(incidentId) + "; lane: "
                            + jdbc.sql("select task_instance, execution_time, picked, picked_by, last_heartbeat,"
                                            + " consecutive_failures, version from notify_scheduled_tasks")
                                    .query()
                                    .listOfRows(),
                    e);
        }
    }
}
