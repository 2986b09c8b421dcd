package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.HttpSink.Received;
import dev.firebreak.notify.internal.ContactStatusStore;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP channels end to end: incidents and pages through the ledger and the notify lane to a
 * real loopback sink that checks each payload and signature. Retries are due on the test clock,
 * so a test moves it instead of waiting.
 */
@Tag("database")
@TestPropertySource(
        properties = {
            "firebreak.notify.allowed-networks=127.0.0.0/8",
            "firebreak.notify.base-url=http://firebreak.test",
            "firebreak.notify.timeouts.webhook=1500ms"
        })
class HttpChannelsIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NotifyChannels channels;

    @Autowired
    Notifications notifications;

    @Autowired
    Incidents incidents;

    @Autowired
    People people;

    @Autowired
    ContactStatusStore contacts;

    @Autowired
    Teams teams;

    @Autowired
    Services services;

    @Autowired
    EscalationPolicies policies;

    HttpSink sink;
    NotifyFixtures fx;

    @BeforeEach
    void setUp() {
        sink = HttpSink.start();
        fx = new NotifyFixtures(accounts, teams, services, policies, incidents, alertGroups());
    }

    @AfterEach
    void tearDown() {
        sink.close();
    }

    /** A path no other test's stray retry can hit, should a later sink get the same port. */
    private static String path(String what) {
        return "/" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private NotifyChannels.WithSecret channel(String type, String team, String path) {
        return channels.create(
                new NotifyChannels.ChannelSpec(NotifyFixtures.name(type), type, sink.url(path), team, null));
    }

    /** The incident's messages to one channel, oldest first. */
    private List<Message> messagesTo(long incident, NotifyChannel channel) {
        return notifications.forIncident(incident).stream()
                .filter(m -> m.recipient().equals(channel.name()))
                .toList();
    }

    private Message awaitMessage(long incident, NotifyChannel channel, Predicate<Message> done) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> messagesTo(incident, channel).stream().anyMatch(done));
        return messagesTo(incident, channel).stream().filter(done).findFirst().orElseThrow();
    }

    @Test
    void aPageToAPersonsWebhook_arrivesSigned_withTheirOwnSecret() {
        String alice = fx.user();
        String hook = path("alice");
        ContactMethod method = people.addContactMethod(alice, ContactMethod.Kind.WEBHOOK, sink.url(hook), "laptop");
        contacts.verified(method.id(), alice, clock.instant());
        String service = fx.service(fx.team());

        long id = fx.open(service, fx.policyPaging(alice));

        Received page = sink.await(hook, 1).getFirst();
        String secret = JSON.readTree(get(
                                "/api/v1/users/" + alice + "/contact-methods/" + method.id() + "/webhook-secret",
                                tokenFor(Role.ADMIN))
                        .body())
                .path("secret")
                .asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(HttpSink.assertSigned(page, clock.instant(), secret)).isEqualTo(1);
        JsonNode event = page.json();
        assertThat(event.path("type").asString()).isEqualTo("incident.paged");
        assertThat(event.path("data").path("incidentId").asLong()).isEqualTo(id);
        assertThat(event.path("data").path("service").asString()).isEqualTo(service);
        assertThat(event.path("data").path("url").asString()).isEqualTo("http://firebreak.test/incidents/" + id);
        Message message = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> notifications.forIncident(id).stream()
                                .filter(m -> m.kind() == MessageKind.PAGE)
                                .findFirst(),
                        m -> m.isPresent() && m.get().state() == MessageState.SENT)
                .orElseThrow();
        assertThat(page.header("webhook-id")).isEqualTo(message.key());
        assertThat(message.address()).isEqualTo("http://127.0.0.1:" + sink.port() + "/…");
        assertThat(channels.contactMethodSecret(alice, method.id())).isEqualTo(secret);
    }

    @Test
    void aTeamsChannels_getTriggeredAcknowledgedAndResolved_eachInItsOwnShape() {
        String team = fx.team();
        String service = fx.service(team);
        String slack = path("slack");
        String mattermost = path("mattermost");
        String msTeams = path("teams");
        String webhook = path("webhook");
        String ntfy = path("ntfy");
        channel("slack", team, slack);
        channel("mattermost", team, mattermost);
        channel("teams", team, msTeams);
        NotifyChannels.WithSecret signed = channel("webhook", team, webhook);
        channel("ntfy", team, ntfy);
        String responder = fx.user();

        long id = fx.open(service, null);
        awaitAll(1, slack, mattermost, msTeams, webhook, ntfy);
        incidents.acknowledge(id, responder);
        awaitAll(2, slack, mattermost, msTeams, webhook, ntfy);
        incidents.resolve(id, responder);
        awaitAll(3, slack, mattermost, msTeams, webhook, ntfy);

        List<String> states = List.of("triggered", "acknowledged", "resolved");
        List<Received> hooks = sink.received(webhook);
        for (int i = 0; i < 3; i++) {
            HttpSink.assertSigned(hooks.get(i), clock.instant(), signed.secret());
            assertThat(hooks.get(i).json().path("type").asString()).isEqualTo("incident." + states.get(i));
            assertThat(hooks.get(i).json().path("data").path("state").asString())
                    .isEqualTo(states.get(i));
            JsonNode post = HttpSink.assertSlack(sink.received(slack).get(i));
            assertThat(post.path("blocks").get(0).path("text").path("text").asString())
                    .isEqualTo(hooks.get(i).json().path("data").path("title").asString());
            HttpSink.assertMattermost(sink.received(mattermost).get(i));
            HttpSink.assertTeams(sink.received(msTeams).get(i));
            Received push = sink.received(ntfy).get(i);
            assertThat(push.header("Priority")).isEqualTo("5");
            assertThat(push.header("Click")).isEqualTo("http://firebreak.test/incidents/" + id);
            assertThat(push.header("Actions")).startsWith("view, Open incident, http://firebreak.test/incidents/");
            assertThat(push.header("X-Message-Id")).isNotBlank();
            assertThat(push.text()).contains("is " + states.get(i));
        }
        assertThat(hooks).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
        assertThat(notifications.forIncident(id))
                .filteredOn(m -> m.kind() == MessageKind.INCIDENT_UPDATE)
                .hasSize(15)
                .allSatisfy(m -> assertThat(m.state()).isEqualTo(MessageState.SENT));
    }

    private void awaitAll(int count, String... paths) {
        for (String p : paths) {
            sink.await(p, count);
        }
    }

    @Test
    void a429WithRetryAfter_isHonoured_thenSentUnderTheSameKey() {
        String team = fx.team();
        String hook = path("limited");
        sink.script(hook, HttpSink.retryAfterSeconds(429, 120));
        NotifyChannel channel = channel("webhook", team, hook).channel();

        long id = fx.open(fx.service(team), null);

        sink.await(hook, 1);
        Message waiting = awaitMessage(id, channel, m -> m.attemptLog().size() == 1 && m.state() == MessageState.DUE);
        assertThat(waiting.attemptLog().getFirst().status()).isEqualTo(429);
        assertThat(Duration.between(waiting.attemptLog().getFirst().startedAt(), waiting.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(120), Duration.ofSeconds(121));
        clock.advance(Duration.ofSeconds(121));
        List<Received> both = sink.await(hook, 2);
        assertThat(both.get(1).header("webhook-id")).isEqualTo(both.get(0).header("webhook-id"));
        Message sent = awaitMessage(id, channel, m -> m.state() == MessageState.SENT);
        assertThat(sent.attemptLog())
                .extracting(Message.Attempt::outcome)
                .containsExactly(Message.Outcome.TEMPORARY, Message.Outcome.SENT);
    }

    @Test
    void a500_isRetriedWithBackoff_untilSent() {
        String team = fx.team();
        String hook = path("flaky");
        sink.script(hook, HttpSink.status(500), HttpSink.status(503));
        NotifyChannel channel = channel("slack", team, hook).channel();

        long id = fx.open(fx.service(team), null);

        for (int attempt = 1; attempt <= 2; attempt++) {
            int n = attempt;
            sink.await(hook, n);
            awaitMessage(id, channel, m -> m.attemptLog().size() == n && m.state() == MessageState.DUE);
            clock.advance(Duration.ofSeconds(15 * n));
        }
        sink.await(hook, 3);
        Message sent = awaitMessage(id, channel, m -> m.state() == MessageState.SENT);
        assertThat(sent.attemptLog()).extracting(Message.Attempt::status).containsExactly(500, 503, 200);
    }

    @Test
    void aChannelRemovedWhileItsMessageWaitsForARetry_getsNothingMore() {
        String team = fx.team();
        String hook = path("removed");
        sink.always(hook, HttpSink.status(503));
        NotifyChannel channel = channel("webhook", team, hook).channel();

        long id = fx.open(fx.service(team), null);
        sink.await(hook, 1);
        Message waiting = awaitMessage(id, channel, m -> m.attemptLog().size() == 1 && m.state() == MessageState.DUE);
        channels.delete(channel.name());
        clock.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> notifications.get(waiting.id()).orElseThrow().state() == MessageState.CANCELLED);
        assertThat(notifications.get(waiting.id()).orElseThrow().lastError()).isEqualTo("channel removed");
        assertThat(sink.received(hook)).hasSize(1);
    }

    @Test
    void aHangTimesOut_whileTheTeamsOtherChannelsDeliver() {
        String team = fx.team();
        String hung = path("hung");
        String fast = path("fast");
        sink.always(hung, HttpSink.hang());
        NotifyChannel stuck = channel("webhook", team, hung).channel();
        channel("slack", team, fast);

        long id = fx.open(fx.service(team), null);

        sink.await(fast, 1);
        assertThat(messagesTo(id, stuck))
                .as("the hung send is still under way while Slack got its message")
                .singleElement()
                .satisfies(m -> assertThat(m.attemptLog()).isEmpty());
        Message timedOut = awaitMessage(id, stuck, m -> m.attemptLog().size() == 1);
        assertThat(timedOut.attemptLog().getFirst().outcome()).isEqualTo(Message.Outcome.TIMEOUT);
        assertThat(timedOut.attemptLog().getFirst().latencyMillis()).isBetween(1400L, 5000L);
        assertThat(timedOut.state()).isEqualTo(MessageState.DUE);
        assertThat(timedOut.nextAttemptAt()).isNotNull();
        channels.delete(stuck.name());
    }

    @Test
    void a410_disablesTheEndpoint_andItGetsNothingMore() {
        String team = fx.team();
        String gone = path("gone");
        sink.always(gone, HttpSink.status(410));
        NotifyChannel channel = channel("webhook", team, gone).channel();
        String service = fx.service(team);

        long id = fx.open(service, null);

        Message failed = awaitMessage(id, channel, m -> m.state() == MessageState.FAILED);
        assertThat(failed.lastError()).startsWith("410");
        assertThat(channels.get(channel.name()).enabled()).isFalse();
        assertThat(channels.get(channel.name()).disabledReason()).contains("410");

        long next = fx.open(service, null);
        assertThat(messagesTo(next, channel)).isEmpty();
        assertThat(sink.received(gone)).hasSize(1);

        // an admin turns it on again
        channels.update(channel.name(), new NotifyChannels.ChannelChange(null, null, null, true));
        assertThat(channels.get(channel.name()).disabledReason()).isNull();
    }

    @Test
    void aRedirectToAnotherHost_isNotFollowed_butOneOnTheSameHostIs() {
        String team = fx.team();
        String away = path("away");
        String elsewhere = path("elsewhere");
        sink.always(away, HttpSink.redirect(302, "http://localhost:" + sink.port() + elsewhere));
        NotifyChannel refused = channel("webhook", team, away).channel();
        String moved = path("moved");
        String target = path("target");
        sink.always(moved, HttpSink.redirect(307, target));
        NotifyChannel followed = channel("mattermost", team, moved).channel();

        long id = fx.open(fx.service(team), null);

        Message failed = awaitMessage(id, refused, m -> m.state() == MessageState.FAILED);
        assertThat(failed.lastError()).contains("redirected to another host (localhost), not followed");
        awaitMessage(id, followed, m -> m.state() == MessageState.SENT);
        HttpSink.assertMattermost(sink.received(target).getFirst());
        assertThat(sink.received(elsewhere)).isEmpty();
        assertThat(channels.get(refused.name()).enabled())
                .as("a redirect does not disable")
                .isTrue();
    }

    @Test
    void aRotatedSecret_signsAlongsideTheOldOne_untilTheOverlapEnds() {
        String team = fx.team();
        String hook = path("rotating");
        NotifyChannels.WithSecret created = channel("webhook", team, hook);
        String old = created.secret();

        channels.test(created.channel().name());
        Received before = sink.await(hook, 1).get(0);
        assertThat(HttpSink.assertSigned(before, clock.instant(), old)).isEqualTo(1);
        assertThat(before.json().path("type").asString()).isEqualTo("notification.test");

        String fresh = channels.rotateSecret(created.channel().name(), Duration.ofHours(1))
                .secret();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        channels.test(created.channel().name());
        Received during = sink.await(hook, 2).get(1);
        assertThat(HttpSink.assertSigned(during, clock.instant(), fresh, old)).isEqualTo(2);
        assertThat(during.header("webhook-signature")).startsWith("v1,").contains(" v1,");

        clock.advance(Duration.ofHours(2));
        channels.test(created.channel().name());
        Received after = sink.await(hook, 3).get(2);
        assertThat(HttpSink.assertSigned(after, clock.instant(), fresh)).isEqualTo(1);
    }

    record Run(int code, String out, String err) {}

    private Run cli(String token, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = "http://127.0.0.1:" + port;
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.firebreak.cli.FirebreakCli.run(
                all, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theCli_addsListsTestsRotatesAndRemovesChannels() {
        String admin = tokenFor(Role.ADMIN);
        String team = fx.team();
        String hook = path("cli");
        String name = NotifyFixtures.name("cli");

        Run added = cli(admin, "channel", "add", name, "--type", "webhook", "--url", sink.url(hook), "--team", team);
        assertThat(added.code()).as(added.err()).isZero();
        String secret = added.out().strip();
        assertThat(secret).startsWith("whsec_");
        assertThat(added.err()).contains("created channel " + name, "not shown again");
        assertThat(cli(admin, "channel", "list").out())
                .containsPattern(
                        "(?m)^" + name + " +webhook +team " + team + " +signed +http://127\\.0\\.0\\.1:\\d+/…$");

        Run tested = cli(admin, "channel", "test", name);
        assertThat(tested.out()).startsWith("test message ").contains(" to " + name + " queued (key ");
        HttpSink.assertSigned(sink.await(hook, 1).getFirst(), clock.instant(), secret);

        Run rotated = cli(admin, "channel", "rotate", name, "--overlap", "2h");
        assertThat(rotated.code()).as(rotated.err()).isZero();
        assertThat(rotated.out().strip()).startsWith("whsec_").isNotEqualTo(secret);
        cli(admin, "channel", "test", name);
        HttpSink.assertSigned(
                sink.await(hook, 2).get(1), clock.instant(), rotated.out().strip(), secret);

        Run unknown = cli(
                admin,
                "channel",
                "add",
                NotifyFixtures.name("x"),
                "--type",
                "pager",
                "--url",
                sink.url(hook),
                "--team",
                team);
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err().strip())
                .startsWith("firebreak: no provider delivers 'pager' messages")
                .doesNotContain("\n");
        Run noOwner =
                cli(admin, "channel", "add", NotifyFixtures.name("x"), "--type", "slack", "--url", sink.url(hook));
        assertThat(noOwner.code()).isEqualTo(2);
        Run both = cli(
                admin,
                "channel",
                "add",
                "x",
                "--type",
                "slack",
                "--url",
                sink.url(hook),
                "--team",
                team,
                "--service",
                "s");
        assertThat(both.code()).isEqualTo(2);

        assertThat(cli(admin, "channel", "remove", name).out()).contains("removed channel " + name);
        Run again = cli(admin, "channel", "remove", name);
        assertThat(again.code()).isNotZero();
        assertThat(again.err().strip()).isEqualTo("firebreak: no channel '" + name + "'");
    }
}
