package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The incidents REST API, the incident pages and the live event stream, over real HTTP. */
@Tag("database")
class IncidentApiIT extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Incidents incidents;

    AlertGroups groups;
    String responder;
    String viewer;

    @BeforeEach
    void setUp() {
        groups = alertGroups();
        responder = tokenFor(Role.RESPONDER);
        viewer = tokenFor(Role.VIEWER);
    }

    @Test
    void listsShowsAndActsOnIncidents() {
        long id = open("critical");
        JsonNode list = json(get("/api/v1/incidents?state=triggered&severity=P1&limit=500", viewer), 200);
        assertThat(list.valueStream().map(n -> n.get("id").asLong())).contains(id);
        JsonNode shown = json(get("/api/v1/incidents/" + id, viewer), 200);
        assertThat(shown.at("/incident/state").asString()).isEqualTo("TRIGGERED");
        assertThat(shown.at("/incident/severity/name").asString()).isEqualTo("P1");
        assertThat(shown.at("/responseStatus").asString()).isEqualTo("running");
        assertThat(shown.get("alerts")).hasSize(1);
        assertThat(shown.get("scheme")).hasSize(4);

        JsonNode acked = json(sendJson("POST", "/api/v1/incidents/" + id + "/acknowledge", responder, ""), 200);
        assertThat(acked.get("state").asString()).isEqualTo("ACKNOWLEDGED");
        json(sendJson("POST", "/api/v1/incidents/" + id + "/notes", responder, "{\"text\":\"restarted pods\"}"), 200);
        json(sendJson("PUT", "/api/v1/incidents/" + id + "/severity", responder, "{\"severity\":\"P2\"}"), 200);
        String user = accounts.create(
                        "carol-" + UUID.randomUUID().toString().substring(0, 6),
                        "password-123456",
                        Role.RESPONDER,
                        null,
                        null)
                .username();
        JsonNode role = json(
                sendJson(
                        "PUT",
                        "/api/v1/incidents/" + id + "/roles",
                        responder,
                        "{\"role\":\"communications-lead\",\"username\":\"" + user + "\"}"),
                200);
        assertThat(role.get("communicationsLead").asString()).isEqualTo(user);
        json(sendJson("POST", "/api/v1/incidents/" + id + "/escalate", responder, "{\"reason\":\"db team\"}"), 200);
        JsonNode resolved = json(sendJson("POST", "/api/v1/incidents/" + id + "/resolve", responder, ""), 200);
        assertThat(resolved.get("state").asString()).isEqualTo("RESOLVED");

        JsonNode timeline = json(get("/api/v1/incidents/" + id, viewer), 200).get("timeline");
        assertThat(timeline.valueStream().map(e -> e.get("kind").asString()))
                .contains("alert", "state", "note", "severity", "role", "escalation");
        assertThat(timeline.valueStream().filter(e -> e.get("kind").asString().equals("note")))
                .allMatch(e -> e.get("actor").asString().startsWith("responder-"));
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        long id = open("warning");
        int before = incidents.details(id).timeline().size();
        problem(get("/api/v1/incidents/999999999", viewer), 404, null);
        problem(get("/api/v1/incidents?state=sleeping", viewer), 400, "state");
        problem(get("/api/v1/incidents?limit=0", viewer), 400, "limit");
        problem(sendJson("POST", "/api/v1/incidents/999999999/acknowledge", responder, ""), 404, null);
        problem(
                sendJson("PUT", "/api/v1/incidents/" + id + "/severity", responder, "{\"severity\":\"P9\"}"),
                400,
                "severity");
        problem(
                sendJson(
                        "PUT",
                        "/api/v1/incidents/" + id + "/roles",
                        responder,
                        "{\"role\":\"janitor\",\"username\":\"admin\"}"),
                400,
                "role");
        problem(
                sendJson(
                        "PUT",
                        "/api/v1/incidents/" + id + "/roles",
                        responder,
                        "{\"role\":\"scribe\",\"username\":\"nobody-" + UUID.randomUUID() + "\"}"),
                400,
                "username");
        problem(sendJson("POST", "/api/v1/incidents/" + id + "/notes", responder, "{\"text\":\"  \"}"), 400, "text");
        problem(sendJson("POST", "/api/v1/incidents/" + id + "/notes", responder, "{\"text\":"), 400, null);
        problem(
                sendJson("PUT", "/api/v1/incidents/" + id + "/runbook", responder, "{\"slug\":\"no-such-runbook\"}"),
                400,
                "slug");
        assertThat(incidents.details(id).timeline()).hasSize(before);

        json(sendJson("POST", "/api/v1/incidents/" + id + "/resolve", responder, ""), 200);
        problem(sendJson("POST", "/api/v1/incidents/" + id + "/acknowledge", responder, ""), 409, null);
        problem(sendJson("POST", "/api/v1/incidents/" + id + "/resolve", responder, ""), 409, null);
    }

    @Test
    void alertsApiFiltersAndRefusesBadInput() {
        assertThat(json(get("/api/v1/alerts?status=firing&limit=5", viewer), 200)
                        .isArray())
                .isTrue();
        assertThat(json(get("/api/v1/alerts?matcher=severity%3D%22critical%22", viewer), 200)
                        .isArray())
                .isTrue();
        problem(get("/api/v1/alerts?status=sleeping", viewer), 400, "status");
        problem(get("/api/v1/alerts?limit=0", viewer), 400, "limit");
        problem(get("/api/v1/alerts?matcher=%3D%3D", viewer), 400, "matcher");
        problem(get("/api/v1/alerts/999999999", viewer), 404, null);
        assertThat(get("/api/v1/alerts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void stateAllAndASeveritysLabelFilterTheListAsThePageDoes() {
        long id = open("critical");
        var severity = incidents.get(id).severity();
        incidents.resolve(id, "admin");
        JsonNode all = json(get("/api/v1/incidents?state=all&limit=500", viewer), 200);
        assertThat(all.findValues("id").stream().map(JsonNode::asLong)).contains(id);
        assertThat(severity.label()).isNotNull();
        JsonNode byLabel = json(
                get(
                        "/api/v1/incidents?state=all&limit=500&severity="
                                + severity.label().toLowerCase(),
                        viewer),
                200);
        assertThat(byLabel.findValues("id").stream().map(JsonNode::asLong)).contains(id);
        problem(get("/api/v1/incidents?state=sleeping", viewer), 400, "state");
    }

    @Test
    void viewersCannotChangeIncidents() {
        long id = open("info");
        for (String path : List.of("/acknowledge", "/resolve", "/escalate", "/notes")) {
            assertThat(sendJson("POST", "/api/v1/incidents/" + id + path, viewer, "{\"text\":\"x\"}")
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(sendJson("PUT", "/api/v1/incidents/" + id + "/severity", viewer, "{\"severity\":\"P1\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(incidents.get(id).state().name()).isEqualTo("TRIGGERED");
    }

    @Test
    void eventStreamPushesWhenAnIncidentOpens() throws Exception {
        try (LiveStream live = liveEvents()) {
            assertThat(live.ready.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(live.info.get().statusCode()).isEqualTo(200);
            assertThat(live.info.get().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            long id = open("critical");
            // Other incidents' events may come too: on PostgreSQL every cached test context is another
            // node of the one database, and their changes arrive as cluster signals. This one's must.
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> live.data("incident").contains(String.valueOf(id)));
        }
    }

    /** A burst of alerts reaches an open page as one event, not one per alert. */
    @Test
    void eventStreamCoalescesAlertEvents() throws Exception {
        try (LiveStream live = liveEvents()) {
            assertThat(live.ready.await(10, TimeUnit.SECONDS)).isTrue();
            long burstStart = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                publisher.publishEvent(new dev.firebreak.alert.AlertReceived(
                        new dev.firebreak.alert.Alert(
                                i,
                                "f" + i,
                                1,
                                null,
                                Map.of(),
                                Map.of(),
                                dev.firebreak.alert.AlertStatus.FIRING,
                                clock.instant(),
                                null,
                                null,
                                1,
                                clock.instant(),
                                clock.instant()),
                        false));
            }
            long burstTicks = (System.nanoTime() - burstStart) / 500_000_000L;
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !live.data("alert").isEmpty());
            Thread.sleep(1200); // long enough for two more half-second ticks
            // One event per half-second tick at most, however long a loaded machine takes to publish
            // the burst; +3: the last tick, and a sweep of another test's alerts may fall in.
            assertThat(live.data("alert").size()).isBetween(1, (int) burstTicks + 3);
        }
    }

    /**
     * The live event stream of a new viewer. Lines arrive on the client's threads, so nothing blocks
     * in a read that only the next keep-alive (every 25 s) would end, and closing cancels at once.
     */
    private LiveStream liveEvents() {
        LiveStream live = new LiveStream();
        HTTP.sendAsync(liveEventsRequestOfANewViewer(), info -> {
            live.info.set(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(live);
        });
        return live;
    }

    static final class LiveStream implements java.util.concurrent.Flow.Subscriber<String>, AutoCloseable {
        final java.util.concurrent.atomic.AtomicReference<HttpResponse.ResponseInfo> info =
                new java.util.concurrent.atomic.AtomicReference<>();
        final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile java.util.concurrent.Flow.Subscription subscription;

        /** The data of every event of this name so far, in order. */
        List<String> data(String event) {
            List<String> out = new java.util.ArrayList<>();
            List<String> seen = List.copyOf(lines);
            for (int i = 0; i + 1 < seen.size(); i++) {
                if (seen.get(i).equals("event:" + event) && seen.get(i + 1).startsWith("data:")) {
                    out.add(seen.get(i + 1).substring("data:".length()));
                }
            }
            return out;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
            if (line.equals("event:ready")) {
                ready.countDown();
            }
        }

        @Override
        public void onError(Throwable e) {}

        @Override
        public void onComplete() {}

        @Override
        public void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    @Test
    void incidentPageShowsTimelineAlertsAndActions() {
        String name = "resp-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-123456", Role.RESPONDER, null, null);
        WebSession session = login(name, "password-123456");
        long id = open("critical");
        HttpResponse<String> page = getPage(session, "/incidents/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"timeline\"", "id=\"alerts\"", "id=\"runbook\"", "Acknowledge", "15 minutes", "_csrf");
        HttpResponse<String> ack = send(HttpRequest.newBuilder(uri("/incidents/" + id + "/acknowledge"))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + session.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie()));
        assertThat(ack.statusCode()).isEqualTo(302);
        assertThat(incidents.get(id).acknowledgedBy()).isEqualTo(name);
        HttpResponse<String> silence = send(HttpRequest.newBuilder(uri("/incidents/" + id + "/silence"))
                .POST(HttpRequest.BodyPublishers.ofString("duration=4h&_csrf=" + session.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie()));
        assertThat(silence.statusCode()).isEqualTo(302);
        assertThat(incidents.details(id).timeline().getLast().text()).startsWith("silenced 1 alert(s) for 4h");
        assertThat(incidents.details(id).timeline().getLast().actor()).isEqualTo(name);
        assertThat(getPage(session, "/incidents?state=all").body()).contains("/incidents/" + id);
        assertThat(getPage(session, "/incidents/rows?state=resolved").body()).doesNotContain("/incidents/" + id + "\"");
        assertThat(getPage(session, "/alerts").statusCode()).isEqualTo(200);
        assertThat(getPage(session, "/").body()).contains("Open incidents");
        assertThat(getPage(session, "/incidents/999999999").statusCode()).isEqualTo(404);
    }

    /** The live pages' event stream, as a viewer's browser opens it. */
    private HttpRequest liveEventsRequestOfANewViewer() {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-123456", Role.VIEWER, null, null);
        WebSession session = login(name, "password-123456");
        return HttpRequest.newBuilder(uri("/events/incidents"))
                .header("Cookie", session.cookie())
                .header("Accept", "text/event-stream")
                .build();
    }

    @Test
    void listsPageWithANextLinkAndATotal() {
        String name = "Paged" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            groups.fire(AlertGroups.group(
                    AlertGroups.key(),
                    null,
                    null,
                    List.of(AlertGroups.alert(name, Map.of("severity", "warning"), clock.instant()))));
        }
        String next = "/api/v1/incidents?q=" + name + "&limit=2";
        List<Long> ids = new java.util.ArrayList<>();
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(next, viewer);
            JsonNode items = json(page, 200);
            assertThat(page.headers().firstValue("X-Total-Count")).hasValue("5");
            items.valueStream().forEach(n -> ids.add(n.get("id").asLong()));
            next = page.headers()
                    .firstValue("Link")
                    .map(l -> java.net.URI.create(l.replaceAll("^<([^>]+)>.*", "$1")))
                    .map(u -> u.getRawPath() + "?" + u.getRawQuery())
                    .orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        problem(get("/api/v1/incidents?before=-1", viewer), 400, "before");
    }

    private long open(String severity) {
        String key = AlertGroups.key();
        AlertGroup group = AlertGroups.group(
                key,
                null,
                null,
                List.of(AlertGroups.alert("ApiErrors", Map.of("severity", severity), clock.instant())));
        groups.fire(group);
        return incidents.list(new IncidentQuery(null, null, key, 1)).getFirst().id();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void problem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(response.body()).contains(field);
        }
    }
}
