package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.notify.RenderedMessage.Link.Action;
import dev.firebreak.notify.internal.ContactStatusStore;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.SharedData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A page from escalation to its acknowledge and resolve links, through the real lane: a provider
 * for "sms" (the SPI a later SMS provider implements) keeps what it was given, the test follows the
 * links over HTTP without a login.
 */
@Tag("database")
@Import(ActionLinksIT.Sms.class)
@TestPropertySource(
        properties = {
            "firebreak.notify.base-url=http://firebreak.test/",
            "firebreak.notify.link-lifetime=10m",
            "firebreak.notify.throttle=0",
            "firebreak.notify.allowed-networks=127.0.0.0/8"
        })
class ActionLinksIT extends ServerTest {
    static final Queue<OutgoingMessage> SENT = new ConcurrentLinkedQueue<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Sms {
        @Bean
        NotificationProvider testSms() {
            return new NotificationProvider() {
                @Override
                public ChannelType type() {
                    return new ChannelType("sms");
                }

                @Override
                public DeliveryOutcome send(OutgoingMessage message) {
                    SENT.add(message);
                    return new DeliveryOutcome.Sent(200, "kept", null);
                }
            };
        }
    }

    @Autowired
    Incidents incidents;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    People people;

    @Autowired
    ContactStatusStore contacts;

    @Autowired
    RunbookLibrary library;

    @Autowired
    JdbcClient jdbc;

    /**
     * The test clock stands still at nanoseconds; H2 rounds a send's execution time to microseconds,
     * which can put it just after "now" for good. Whole milliseconds are stored exactly.
     */
    @BeforeEach
    void wholeMilliseconds() {
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    record Paged(String user, long incident, RenderedMessage content) {
        String token(Action action) {
            return content.links().stream()
                    .filter(l -> l.action() == action)
                    .map(l -> URI.create(l.url()))
                    .peek(u -> assertThat(u.getHost()).isEqualTo("firebreak.test"))
                    .map(u -> u.getPath().substring("/act/".length()))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void acknowledgeByLink_isThePagedPersonsOnTheTimeline_andWorksOnce() {
        Paged page = page(null, Map.of());
        String ack = page.token(Action.ACKNOWLEDGE);
        assertThat(page.content().links())
                .extracting(RenderedMessage.Link::action)
                .containsExactly(Action.OPEN, Action.ACKNOWLEDGE, Action.RESOLVE);

        HttpResponse<String> confirm = get("/act/" + ack, null);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"confirm\"").contains(page.user());
        assertThat(confirm.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(confirm.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> done = post("/act/" + ack);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"done\"");
        Incident acknowledged = incidents.get(page.incident());
        assertThat(acknowledged.state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(page.user());
        assertThat(stateChanges(page.incident()))
                .filteredOn(e -> ((TimelineDetail.StateChange) e.detail()).to() == IncidentState.ACKNOWLEDGED)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(page.user()));

        HttpResponse<String> again = post("/act/" + ack);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("used already").contains("data-reason=\"used\"");
        assertThat(get("/act/" + ack, null).statusCode()).isEqualTo(410);

        // The other link of the same page still works, once, as the same person.
        HttpResponse<String> resolved = post("/act/" + page.token(Action.RESOLVE));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(incidents.get(page.incident()).resolvedBy()).isEqualTo(page.user());
    }

    /**
     * ntfy's {@code http} action: the app POSTs the link itself, with no session, no CSRF token and
     * no body, asking for JSON; a used or made-up link is a problem+json the app reports.
     */
    @Test
    void ntfysHttpAction_acknowledgesWithoutASessionOrCsrfToken_andGetsJson() {
        Paged page = page(null, Map.of());
        String ack = "/act/" + page.token(Action.ACKNOWLEDGE);

        HttpResponse<String> done = ntfy(ack);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(done.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(done.body())
                .contains("\"action\":\"ACKNOWLEDGE\"")
                .contains("\"state\":\"ACKNOWLEDGED\"")
                .contains("\"username\":\"" + page.user() + "\"");
        assertThat(incidents.get(page.incident()).acknowledgedBy()).isEqualTo(page.user());

        HttpResponse<String> again = ntfy(ack);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.body()).contains("used already").contains("\"reason\":\"used\"");

        HttpResponse<String> forged = ntfy("/act/" + "A".repeat(22) + "." + "A".repeat(43));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("not valid").contains("\"reason\":\"invalid\"");

        // A browser's form still gets the page, also when its session cookie comes along.
        WebSession browser = login(page.user(), "password-" + page.user());
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/act/" + page.token(Action.RESOLVE)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", browser.cookie())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"done\"");
        assertThat(incidents.get(page.incident()).resolvedBy()).isEqualTo(page.user());
        // The signing key is a row of the one server-key table (V17), beside the personal-webhooks key.
        assertThat(jdbc.sql("select count(*) from notify_server_keys where name = 'action-links'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    HttpResponse<String> ntfy(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json")
                .header("User-Agent", "ntfy/1.16.0 (Android)"));
    }

    @Test
    void lookingAtALink_changesNothing() {
        Paged page = page(null, Map.of());
        int entries = incidents.details(page.incident()).timeline().size();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/act/" + page.token(Action.ACKNOWLEDGE), null).statusCode())
                    .isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(uri("/act/" + page.token(Action.RESOLVE)))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(incidents.get(page.incident()).state()).isEqualTo(IncidentState.TRIGGERED);
        assertThat(incidents.details(page.incident()).timeline()).hasSize(entries);
        assertThat(jdbc.sql("select count(*) from notify_action_links where incident_id = ? and used_at is not null")
                        .param(page.incident())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anExpiredLink_isRefused() {
        Paged page = page(null, Map.of());
        clock.advance(Duration.ofMinutes(11));

        HttpResponse<String> look = get("/act/" + page.token(Action.ACKNOWLEDGE), null);
        HttpResponse<String> act = post("/act/" + page.token(Action.ACKNOWLEDGE));

        assertThat(look.statusCode()).isEqualTo(410);
        assertThat(act.statusCode()).isEqualTo(410);
        assertThat(act.body()).contains("expired").contains("data-reason=\"expired\"");
        assertThat(incidents.get(page.incident()).state()).isEqualTo(IncidentState.TRIGGERED);
    }

    @Test
    void aTamperedOrMadeUpLink_isRefused() {
        Paged page = page(null, Map.of());
        String token = page.token(Action.ACKNOWLEDGE);
        String id = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String resolveSignature = page.token(Action.RESOLVE).substring(token.indexOf('.') + 1);
        List<String> forged = List.of(
                id + "." + flip(signature),
                flip(id) + "." + signature,
                id + "." + resolveSignature,
                id,
                "x",
                token + "x",
                "A".repeat(22) + "." + "A".repeat(43));
        for (String bad : forged) {
            HttpResponse<String> look = get("/act/" + bad, null);
            HttpResponse<String> act = post("/act/" + bad);
            assertThat(look.statusCode()).as(bad).isEqualTo(403);
            assertThat(act.statusCode()).as(bad).isEqualTo(403);
            assertThat(act.body()).as(bad).contains("not valid");
        }
        assertThat(incidents.get(page.incident()).state()).isEqualTo(IncidentState.TRIGGERED);
        // The real one still works.
        assertThat(post("/act/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aLinkForAnIncidentResolvedMeanwhile_saysSo() {
        Paged page = page(null, Map.of());
        String other = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        incidents.resolve(page.incident(), other);

        HttpResponse<String> look = get("/act/" + page.token(Action.ACKNOWLEDGE), null);
        HttpResponse<String> act = post("/act/" + page.token(Action.RESOLVE));

        assertThat(look.statusCode()).isEqualTo(409);
        assertThat(act.statusCode()).isEqualTo(409);
        assertThat(act.body()).contains("resolved already by " + other);
        assertThat(jdbc.sql("select count(*) from notify_action_links where incident_id = ? and used_at is not null")
                        .param(page.incident())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPage_speaksInTheRunbooksInitialTemplate() throws Exception {
        Path seed = SharedData.root().resolve("seeds").resolve("002_e59b4eb987172cd9.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "seed 002 absent");
        String slug = "lab-ops-" + UUID.randomUUID().toString().substring(0, 6);
        library.put(slug, Files.readAllBytes(seed), "test", "api");

        Paged page = page(slug, Map.of("impact", "Counterfactual generation fails for every user"));

        Incident incident = incidents.get(page.incident());
        assertThat(incident.runbookSlug()).isEqualTo(slug);
        assertThat(page.content().text())
                .startsWith("🚨 INCIDENT ALERT 🚨")
                .contains("Severity: " + incident.severity().name() + "\n")
                .contains("Service: Counterfactual Lab\n")
                .contains("Issue: " + incident.title() + "\n")
                .contains("Impact: Counterfactual generation fails for every user\n")
                .contains("Status: Triggered\n")
                .contains("Owner: " + page.user() + "\n")
                .contains("Started: " + incident.openedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(page.content().unfilled()).isEmpty();
        assertThat(page.content().links())
                .extracting(RenderedMessage.Link::action)
                .contains(Action.ACKNOWLEDGE, Action.RESOLVE);
    }

    /** A new person with a verified SMS number, paged by an incident of their own; waits for the send. */
    Paged page(String runbook, Map<String, String> annotations) {
        String user = "p" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(user, "password-" + user, Role.RESPONDER, null, null);
        ContactMethod sms = people.addContactMethod(
                user,
                ContactMethod.Kind.SMS,
                "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999),
                null);
        contacts.verified(sms.id(), user, clock.instant());
        String policy = "links-" + UUID.randomUUID().toString().substring(0, 8);
        policies.save(
                new EscalationPolicy(
                        policy,
                        null,
                        0,
                        null,
                        List.of(new PolicyTier(
                                null,
                                null,
                                List.of(new PolicyStep(
                                        List.of(new StepTarget(StepTarget.Kind.USER, user)), Duration.ofHours(2))))),
                        null),
                "test");
        String key = AlertGroups.key();
        var all = new java.util.HashMap<String, String>(annotations);
        all.put("summary", "zqxv wobble " + user);
        Alert alert = new Alert(
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2),
                UUID.randomUUID().toString().substring(0, 16),
                1,
                null,
                Map.of("alertname", "Zqxv" + user),
                Map.copyOf(all),
                AlertStatus.FIRING,
                incidents.now(),
                null,
                null,
                1,
                incidents.now(),
                incidents.now());
        alertGroups()
                .fire(new AlertGroup(
                        key, "default", Map.of(), "checkout", policy, "critical", runbook, List.of(alert)));
        long id = incidents
                .list(new IncidentQuery(null, null, key, 10))
                .getFirst()
                .id();
        OutgoingMessage message;
        try {
            message = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> SENT.stream()
                                    .filter(m -> m.incidentId() != null && m.incidentId() == id)
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no page sent for incident " + id + "; clock " + clock.instant() + "; messages "
                            + jdbc.sql("select * from notify_messages where incident_id = ?")
                                    .param(id)
                                    .query()
                                    .listOfRows()
                            + "; attempts "
                            + jdbc.sql("select a.* from notify_attempts a join notify_messages m on m.id = a.message_id"
                                            + " where m.incident_id = ?")
                                    .param(id)
                                    .query()
                                    .listOfRows()
                            + "; tasks "
                            + jdbc.sql("select task_name, task_instance, execution_time, picked, consecutive_failures"
                                            + " from notify_scheduled_tasks")
                                    .query()
                                    .listOfRows()
                            + "; pages "
                            + jdbc.sql("select * from pages where incident_id = ?")
                                    .param(id)
                                    .query()
                                    .listOfRows(),
                    e);
        }
        assertThat(message.kind()).isEqualTo(MessageKind.PAGE);
        return new Paged(user, id, message.content());
    }

    List<TimelineEntry> stateChanges(long incident) {
        return incidents.details(incident).timeline().stream()
                .filter(e -> e.detail() instanceof TimelineDetail.StateChange)
                .toList();
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    static String flip(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
