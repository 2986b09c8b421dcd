package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who is on call at T, overrides and swaps, warnings, the iCalendar feed and import, over real HTTP. */
@Tag("database")
class OnCallIT extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Schedules schedules;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    String token;
    String alice;
    String bob;
    String carol;
    String name;

    @BeforeEach
    void setUp() {
        token = tokenFor(Role.RESPONDER);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        alice = user("alice-" + suffix);
        bob = user("bob-" + suffix);
        carol = user("carol-" + suffix);
        name = "primary-" + suffix;
    }

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    String user(String username) {
        accounts.create(username, "password-123456", Role.RESPONDER, null, username + "@example.com");
        return username;
    }

    /** Daily handoffs at 09:00 UTC from Monday 2026-01-05: alice, bob, alice, bob... */
    void dailySchedule(String team) {
        String body = """
                {"name":"%s","zone":"UTC",%s"layers":[{"name":"daily","start":"2026-01-05T09:00",
                "rotation":{"kind":"daily"},"members":["%s","%s"]}]}""".formatted(name, team == null ? "" : "\"team\":\"" + team + "\",", alice, bob);
        HttpResponse<String> created = sendJson("POST", "/api/v1/schedules", token, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    JsonNode who(String at) {
        return json(get("/api/v1/oncall?schedule=" + name + (at == null ? "" : "&at=" + at), token), 200);
    }

    @Test
    void whoIsOnCallAtT_followsRotationOverridesAndSwaps() {
        dailySchedule(null);
        JsonNode first = who("2026-01-05T10:00:00Z");
        assertThat(first.at("/0/schedule").asString()).isEqualTo(name);
        assertThat(first.at("/0/onCall/0/username").asString()).isEqualTo(alice);
        assertThat(first.at("/0/onCall/0/end").asString()).isEqualTo("2026-01-06T09:00:00Z");

        clock.set(Instant.parse("2026-01-06T12:00:00Z"));
        assertThat(who(null).at("/0/onCall/0/username").asString()).isEqualTo(bob);
        assertThat(schedules.onCallAt(name, clock.instant())).containsExactly(bob);
        assertThat(schedules.onCallAt(name, Instant.parse("2026-01-05T08:59:59Z")))
                .isEmpty();

        String path = "/api/v1/schedules/" + name + "/overrides";
        HttpResponse<String> cover = sendJson(
                "POST",
                path,
                token,
                "{\"username\":\"" + alice + "\",\"replaces\":\"" + bob
                        + "\",\"start\":\"2026-01-06T13:00:00Z\",\"end\":\"2026-01-06T15:00:00+00:00\"}");
        assertThat(cover.statusCode()).as(cover.body()).isEqualTo(201);
        clock.advance(java.time.Duration.ofHours(2));
        JsonNode covered = who(null);
        assertThat(covered.at("/0/onCall/0/username").asString()).isEqualTo(alice);
        assertThat(covered.at("/0/onCall/0/end").asString()).isEqualTo("2026-01-06T15:00:00Z");
        assertThat(covered.at("/0/onCall/0/source").asString()).isEqualTo(ScheduleRenderer.OVERRIDE);

        // alice has Jan 7, bob Jan 8: they swap
        HttpResponse<String> swap =
                sendJson("POST", "/api/v1/schedules/" + name + "/swaps", token, """
                {"userA":"%s","shiftA":{"start":"2026-01-07T09:00:00Z","end":"2026-01-08T09:00:00Z"},
                 "userB":"%s","shiftB":{"start":"2026-01-08T09:00:00Z","end":"2026-01-09T09:00:00Z"}}""".formatted(alice, bob));
        assertThat(swap.statusCode()).as(swap.body()).isEqualTo(201);
        JsonNode pair = JSON.readTree(swap.body());
        assertThat(pair).hasSize(2);
        assertThat(pair.at("/0/swapGroup").asString())
                .isEqualTo(pair.at("/1/swapGroup").asString());
        assertThat(who("2026-01-07T12:00:00Z").at("/0/onCall/0/username").asString())
                .isEqualTo(bob);
        assertThat(who("2026-01-08T12:00:00Z").at("/0/onCall/0/username").asString())
                .isEqualTo(alice);
        // a swap of a shift the person does not have is refused
        HttpResponse<String> notTheirs =
                sendJson("POST", "/api/v1/schedules/" + name + "/swaps", token, """
                {"userA":"%s","shiftA":{"start":"2026-01-10T10:00:00Z","end":"2026-01-10T11:00:00Z"},
                 "userB":"%s","shiftB":{"start":"2026-01-11T10:00:00Z","end":"2026-01-11T11:00:00Z"}}""".formatted(alice, bob));
        assertThat(notTheirs.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notTheirs.body()).get("field").asString()).isEqualTo("shiftA");

        JsonNode mine = json(
                get("/api/v1/oncall/shifts?from=2026-01-07T00:00:00Z&to=2026-01-10T00:00:00Z&user=" + alice, token),
                200);
        assertThat(mine.findValuesAsString("username")).containsOnly(alice);
        assertThat(mine.findValuesAsString("start")).contains("2026-01-08T09:00:00Z");

        // removing half a swap removes both halves
        long half = pair.at("/0/id").asLong();
        JsonNode removed = json(sendJson("DELETE", path + "/" + half, token, ""), 200);
        assertThat(removed.get("removed")).hasSize(2);
        assertThat(who("2026-01-07T12:00:00Z").at("/0/onCall/0/username").asString())
                .isEqualTo(alice);

        JsonNode rendered = json(
                get("/api/v1/schedules/" + name + "/rendered?from=2026-01-05T00:00:00Z&to=2026-01-08T00:00:00Z", token),
                200);
        assertThat(rendered.at("/layers/daily")).hasSize(3);
        assertThat(rendered.get("finalShifts").findValuesAsString("username"))
                .containsExactly(alice, bob, alice, bob, alice);
    }

    @Test
    void aUserWithNoContactMethodOnAnActiveSchedule_isFlaggedBeforeItMatters() {
        people.addContactMethod(alice, ContactMethod.Kind.EMAIL, alice + "@example.com", "work");
        dailySchedule(null);
        JsonNode warnings = json(get("/api/v1/oncall/warnings", token), 200);
        List<JsonNode> mine = warnings.valueStream()
                .filter(w -> w.get("schedule").asString().equals(name))
                .toList();
        // alice's address is not verified (and this server has no mail server): a page would miss her too.
        assertThat(mine)
                .extracting(
                        w -> w.get("username").asString(), w -> w.get("kind").asString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(alice, "NO_WORKING_CONTACT_METHOD"),
                        org.assertj.core.groups.Tuple.tuple(bob, "NO_CONTACT_METHOD"));
        assertThat(mine)
                .filteredOn(w -> w.get("username").asString().equals(bob))
                .singleElement()
                .satisfies(w -> assertThat(w.get("message").asString()).contains("no contact method"));

        people.addContactMethod(bob, ContactMethod.Kind.EMAIL, bob + "@example.com", "work");
        accounts.setEnabled(alice, false);
        List<ScheduleWarning> after = schedules.warnings().stream()
                .filter(w -> w.schedule().equals(name))
                .toList();
        assertThat(after)
                .extracting(ScheduleWarning::username, ScheduleWarning::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(alice, ScheduleWarning.Kind.DISABLED_USER),
                        org.assertj.core.groups.Tuple.tuple(bob, ScheduleWarning.Kind.NO_WORKING_CONTACT_METHOD));
    }

    @Test
    void theCalendarFeedHasTheRenderedShiftsAndARevokedTokenIsGone() throws Exception {
        dailySchedule(null);
        clock.set(Instant.parse("2026-02-02T10:30:00Z"));
        JsonNode issued = json(sendJson("POST", "/api/v1/schedules/" + name + "/feeds", token, ""), 201);
        String feedPath = issued.get("path").asString();
        assertThat(feedPath).matches("/calendar/fbcal_[A-Za-z0-9_-]{43}\\.ics");

        HttpResponse<String> ics = send(HttpRequest.newBuilder(uri(feedPath)).GET());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = calendar.getComponentList().getComponents(Component.VEVENT);
        Set<String> fromFeed = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (VEvent e : events) {
            String summary = e.getPropertyList()
                    .getProperty(Property.SUMMARY)
                    .orElseThrow()
                    .getValue();
            fromFeed.add(summary.replace(" on call", "") + " "
                    + instant(e.getStartDate().orElseThrow().getDate()) + " "
                    + instant(e.getEndDate().orElseThrow().getDate()));
            uids.add(e.getPropertyList().getProperty(Property.UID).orElseThrow().getValue());
        }
        assertThat(ics.body()).contains("DTSTART:20260202T090000Z");

        Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(java.time.Duration.ofDays(7));
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(java.time.Duration.ofDays(60));
        JsonNode rendered = json(get("/api/v1/schedules/" + name + "/rendered?from=" + from + "&to=" + to, token), 200);
        Set<String> expected = new HashSet<>();
        for (JsonNode s : rendered.get("finalShifts")) {
            if (Instant.parse(s.get("start").asString()).isAfter(from)) {
                expected.add(s.get("username").asString() + " " + s.get("start").asString() + " "
                        + s.get("end").asString());
            }
        }
        assertThat(expected).hasSizeGreaterThan(60);
        assertThat(fromFeed).containsAll(expected);
        assertThat(fromFeed.size()).isLessThanOrEqualTo(expected.size() + 1);

        // the same shift keeps its UID from one fetch to the next
        clock.advance(java.time.Duration.ofMinutes(10));
        String again = send(HttpRequest.newBuilder(uri(feedPath)).GET()).body();
        Calendar second = new CalendarBuilder().build(new StringReader(again));
        Set<String> secondUids = new HashSet<>();
        for (VEvent e : second.getComponentList().<VEvent>getComponents(Component.VEVENT)) {
            secondUids.add(
                    e.getPropertyList().getProperty(Property.UID).orElseThrow().getValue());
        }
        assertThat(secondUids).isEqualTo(uids);

        json(
                sendJson(
                        "DELETE",
                        "/api/v1/schedules/" + name + "/feeds/"
                                + issued.at("/feed/id").asLong(),
                        token,
                        ""),
                200);
        assertThat(send(HttpRequest.newBuilder(uri(feedPath)).GET()).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/calendar/fbcal_nothing.ics"))
                                .GET())
                        .statusCode())
                .isEqualTo(404);

        JsonNode mine = json(sendJson("POST", "/api/v1/me/feeds", token, ""), 201);
        HttpResponse<String> personal =
                send(HttpRequest.newBuilder(uri(mine.get("path").asString())).GET());
        assertThat(personal.statusCode()).isEqualTo(200);
        assertThat(personal.body()).contains("BEGIN:VCALENDAR");
    }

    @Test
    void overridesImportFromAnIcsFileAllOrNothing() {
        String team = "payments-" + UUID.randomUUID().toString().substring(0, 6);
        teams.create(team, null);
        for (String member : List.of(alice, bob, carol)) {
            teams.addMember(team, member, TeamRole.MEMBER);
        }
        String dave = user("dave-" + UUID.randomUUID().toString().substring(0, 6));
        dailySchedule(team);
        String path = "/api/v1/schedules/" + name + "/overrides";
        String good = ics(
                event("1", "20260301T100000Z", "20260301T120000Z", "Cover", "ATTENDEE:mailto:" + bob + "@example.com"),
                event("2", "20260302T100000Z", "20260302T120000Z", carol + " covers", null));
        HttpResponse<String> bad = sendIcs(
                path + "/import",
                ics(
                        event(
                                "1",
                                "20260301T100000Z",
                                "20260301T120000Z",
                                "Cover",
                                "ATTENDEE:mailto:" + bob + "@example.com"),
                        event("2", "20260302T100000Z", "20260302T120000Z", "nobody we know", null)));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asString()).contains("line 12", "nobody we know");
        HttpResponse<String> outsider =
                sendIcs(path + "/import", ics(event("1", "20260303T100000Z", "20260303T120000Z", dave, null)));
        assertThat(outsider.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(outsider.body()).get("detail").asString()).contains("not in team '" + team + "'");
        assertThat(sendIcs(path + "/import", "this is not a calendar").statusCode())
                .isEqualTo(400);
        assertThat(json(get(path + "?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z", token), 200))
                .isEmpty();

        HttpResponse<String> imported = sendIcs(path + "/import", good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode list = json(get(path + "?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z", token), 200);
        assertThat(list.findValuesAsString("username")).containsExactly(bob, carol);
        // the same file again overlaps what it imported
        assertThat(sendIcs(path + "/import", good).statusCode()).isEqualTo(409);
        // carol is in the team, so she may take an override though in no layer
        assertThat(schedules.onCallAt(name, Instant.parse("2026-03-02T11:00:00Z")))
                .containsExactly(carol);
    }

    HttpResponse<String> sendIcs(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/calendar")
                .header("Authorization", "Bearer " + token));
    }

    static String ics(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    static String event(String uid, String start, String end, String summary, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
                + "\r\nSUMMARY:" + summary + "\r\n" + (extra == null ? "" : extra + "\r\n") + "END:VEVENT\r\n";
    }

    static String instant(Object temporal) {
        return Instant.from((java.time.temporal.TemporalAccessor) temporal).toString();
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
