package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Settings > Routing and Alerts > Silences in a logged-in session. */
@Tag("database")
class RoutingPagesIT extends ServerTest {

    @Test
    void routingPageValidatesTestsAndOnlyAdminsSave() {
        WebSession admin = user(Role.ADMIN);
        assertThat(getPage(admin, "/settings/routing").body()).contains("group_by: [alertname]");

        HttpResponse<String> invalid =
                post(admin, "/settings/routing", "yaml=route%3A%0A  grup_by%3A+%5Ba%5D%0A&action=save");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("line 2: unknown key &#39;grup_by&#39; in route");

        HttpResponse<String> test = post(
                admin,
                "/settings/routing",
                "yaml=route%3A%0A  group_by%3A+%5Bteam%5D%0A&action=test&labels=team%3Ddb%2C+x%3Dy");
        assertThat(test.body()).contains("id=\"route-matches\"").contains("0:{team=&quot;db&quot;}");

        WebSession responder = user(Role.RESPONDER);
        HttpResponse<String> denied =
                post(responder, "/settings/routing", "yaml=route%3A%0A  group_by%3A+%5Bx%5D%0A&action=save");
        assertThat(denied.body()).contains("Only admins can save");
    }

    @Test
    void silencesPageCreatesAndExpires() {
        WebSession responder = user(Role.RESPONDER);
        String name = "Ui" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post(
                responder,
                "/silences",
                "matchers=" + enc("alertname=\"" + name + "\"") + "&duration=2h&comment=ui+test");
        assertThat(created.statusCode()).isEqualTo(302);
        String page = getPage(responder, "/silences").body();
        assertThat(page).contains(name).contains("Silence created.");

        HttpResponse<String> bad = post(responder, "/silences", "matchers=a~b&duration=2h&comment=x");
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(getPage(responder, "/silences").body()).contains("bad matcher");

        WebSession viewer = user(Role.VIEWER);
        assertThat(getPage(viewer, "/silences").statusCode()).isEqualTo(200);
        assertThat(post(viewer, "/silences", "matchers=a%3Db&duration=2h&comment=x")
                        .statusCode())
                .isEqualTo(403);
    }

    private WebSession user(Role role) {
        String name = role.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "password-for-" + name, role, null, null);
        return login(name, "password-for-" + name);
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
