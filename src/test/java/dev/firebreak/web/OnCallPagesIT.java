package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The On-call pages and the dashboard's shifts in a logged-in session. */
@Tag("database")
class OnCallPagesIT extends ServerTest {
    @Autowired
    People people;

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void createsAScheduleShowsItsCalendarAndOverridesAndTheDashboardShifts() {
        clock.set(Instant.parse("2026-03-04T12:00:00Z"));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        accounts.create(alice, "password-for-" + alice, Role.RESPONDER, null, null);
        accounts.create(bob, "password-for-" + bob, Role.RESPONDER, null, null);
        people.addContactMethod(alice, ContactMethod.Kind.EMAIL, alice + "@example.com", "work");
        WebSession session = login(alice, "password-for-" + alice);
        String name = "web-" + suffix;

        HttpResponse<String> bad = post(
                session,
                "/oncall/schedules",
                "name=" + name + "&zone=Europe%2FBerln&members=" + alice + "&rotation=daily&start=2026-03-02T09%3A00");
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(getPage(session, "/oncall").body()).contains("unknown time zone");

        HttpResponse<String> created = post(
                session,
                "/oncall/schedules",
                "name=" + name + "&zone=Europe%2FBerlin&members=" + enc(alice + ", " + bob)
                        + "&rotation=daily&start=2026-03-02T09%3A00");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/oncall/schedules/" + name);

        String list = getPage(session, "/oncall").body();
        assertThat(list).contains(name, "id=\"oncall-warnings\"").contains(bob + " is on schedule");
        // Mar 2 alice, Mar 3 bob, Mar 4 alice (09:00 Berlin)
        assertThat(list).containsPattern("oncall-user\">" + alice + "<");

        String week = getPage(session, "/oncall/schedules/" + name + "?view=week&start=2026-03-02")
                .body();
        assertThat(week).contains("Mon 2 Mar", "Sun 8 Mar", "Final", ">rotation<");
        assertThat(week).contains("class=\"bar\"");

        HttpResponse<String> override = post(
                session,
                "/oncall/schedules/" + name + "/overrides",
                "username=" + bob + "&start=2026-03-04T14%3A00&end=2026-03-04T16%3A00");
        assertThat(override.statusCode()).isEqualTo(302);
        String after = getPage(session, "/oncall/schedules/" + name + "?view=week&start=2026-03-02")
                .body();
        assertThat(after).contains("Override added.", "bar override", "Wed 4 Mar 14:00");
        HttpResponse<String> overlap = post(
                session,
                "/oncall/schedules/" + name + "/overrides",
                "username=" + alice + "&start=2026-03-04T15%3A00&end=2026-03-04T17%3A00");
        assertThat(overlap.statusCode()).isEqualTo(302);
        assertThat(getPage(session, "/oncall/schedules/" + name).body()).contains("overlaps override");

        assertThat(getPage(session, "/oncall/schedules/" + name + "?view=month&start=2026-03-10")
                        .body())
                .contains("Mon 30 Mar", "Sun 5 Apr");

        String dashboard = getPage(session, "/").body();
        // A <time> the browser shows in the viewer's zone; without JavaScript the UTC text.
        assertThat(dashboard)
                .contains("id=\"my-shifts\"", "datetime=\"2026-03-06T08:00:00Z\"", ">2026-03-06 08:00 UTC<");
        assertThat(dashboard).contains(alice + " (" + name + ")");
    }

    private HttpResponse<String> post(WebSession session, String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + session.csrf())));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
