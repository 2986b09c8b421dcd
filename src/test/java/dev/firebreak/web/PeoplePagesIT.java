package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Account (profile, contact methods, password), Users (admin), Teams and Services pages. */
@Tag("database")
class PeoplePagesIT extends ServerTest {
    @Autowired
    People people;

    @Test
    void accountPageSetsZoneContactMethodsAndPassword() {
        String name = "acct" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "password-for-" + name, Role.VIEWER, null, null);
        WebSession session = login(name, "password-for-" + name);

        assertThat(getPage(session, "/account").body())
                .contains("id=\"profile-form\"", "id=\"contact-form\"", "id=\"password-form\"", "(server default)");
        assertThat(post(session, "/account/profile", "displayName=Ann&timeZone=Mars%2FBase")
                        .body())
                .contains("unknown time zone &#39;Mars/Base&#39;");
        assertThat(people.get(name).displayName()).isNull();

        assertThat(post(session, "/account/profile", "displayName=Ann&timeZone=Europe%2FLisbon")
                        .body())
                .contains("Profile saved.", "<dd id=\"account-zone\">Europe/Lisbon</dd>");

        post(session, "/account/contact-methods", "kind=email&address=" + enc("ann@example.com") + "&label=work");
        String page = post(
                        session,
                        "/account/contact-methods",
                        "kind=webhook&address=" + enc("http://insecure.example.com"))
                .body();
        assertThat(page).contains("webhook URL must be https://").contains("<code>ann@example.com</code>");
        assertThat(people.contactMethods(name)).hasSize(1);
        long id = people.contactMethods(name).getFirst().id();
        post(session, "/account/contact-methods/" + id + "/remove", "");
        assertThat(people.contactMethods(name)).isEmpty();

        assertThat(post(
                                session,
                                "/account/password",
                                "currentPassword=wrong&newPassword=new-password-1&confirmPassword=new-password-1")
                        .body())
                .contains("the current password is not right");
        assertThat(post(
                                session,
                                "/account/password",
                                "currentPassword=password-for-" + name
                                        + "&newPassword=new-password-1&confirmPassword=other-password")
                        .body())
                .contains("the new passwords do not match");
        assertThat(post(
                                session,
                                "/account/password",
                                "currentPassword=password-for-" + name
                                        + "&newPassword=new-password-1&confirmPassword=new-password-1")
                        .body())
                .contains("Password changed.");
        assertThat(login(name, "new-password-1").cookie()).isNotBlank();
    }

    @Test
    void adminsManageUsers() {
        WebSession admin = user(Role.ADMIN);
        String name = "made" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(getPage(admin, "/settings").body()).contains("href=\"/admin/users\"");
        String page = post(
                        admin,
                        "/admin/users",
                        "username=" + name + "&password=long-password&role=RESPONDER&timeZone=Asia%2FKolkata")
                .body();
        assertThat(page).contains("User " + name + " created.", "id=\"user-" + name + "\"", "Asia/Kolkata");

        assertThat(post(
                                admin,
                                "/admin/users",
                                "username=bad" + name + "&password=long-password&role=VIEWER&timeZone=Nowhere")
                        .body())
                .contains("unknown time zone");
        assertThat(accounts.find("bad" + name)).isEmpty();

        post(admin, "/admin/users/" + name + "/enabled", "enabled=false");
        assertThat(accounts.find(name).orElseThrow().enabled()).isFalse();
        post(admin, "/admin/users/" + name + "/enabled", "enabled=true");
        post(admin, "/admin/users/" + name + "/role", "role=VIEWER");
        assertThat(accounts.find(name).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(post(admin, "/admin/users/" + name + "/password", "newPassword=short")
                        .body())
                .contains("at least 8 characters");
        post(admin, "/admin/users/" + name + "/password", "newPassword=reset-password");
        assertThat(login(name, "reset-password").cookie()).isNotBlank();

        WebSession viewer = user(Role.VIEWER);
        assertThat(getPage(viewer, "/admin/users").statusCode()).isEqualTo(403);
        assertThat(getPage(viewer, "/account").body()).doesNotContain("href=\"/admin/users\"");
        assertThat(post(user(Role.RESPONDER), "/admin/users/" + name + "/enabled", "enabled=false")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void teamsAndServicesPages() {
        WebSession admin = user(Role.ADMIN);
        String member = "tm" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(member, "password-for-" + member, Role.RESPONDER, null, null);
        String team = "Web Team " + UUID.randomUUID().toString().substring(0, 6);

        assertThat(post(admin, "/teams", "name=" + enc(team) + "&description=pages")
                        .body())
                .contains("Team " + team + " created.");
        assertThat(post(admin, "/teams", "name=" + enc(team)).body())
                .contains("team &#39;" + team + "&#39; already exists");
        String path = "/teams/" + team.replace(" ", "%20");
        post(admin, path + "/members", "username=" + member + "&role=manager");
        String page = post(admin, path + "/members", "username=" + member).body();
        assertThat(page).contains("already a member").contains("<td>" + member + "</td>", "<td>manager</td>");

        String service = "websvc-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(post(admin, "/services", "name=" + service + "&team=" + enc(team) + "&escalationPolicy=web-default")
                        .body())
                .contains(service, "web-default", "Service " + service + " created.");
        assertThat(post(admin, "/services", "name=x" + service + "&team=nobody").body())
                .contains("no team &#39;nobody&#39;");

        WebSession responder = user(Role.RESPONDER);
        String asResponder = getPage(responder, "/teams").body();
        assertThat(asResponder).contains(team).doesNotContain("id=\"new-team\"");
        assertThat(post(responder, "/teams", "name=nope").statusCode()).isEqualTo(403);
        assertThat(post(responder, "/services", "name=nope&team=" + enc(team)).statusCode())
                .isEqualTo(403);
    }

    private WebSession user(Role role) {
        String name = role.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "password-for-" + name, role, null, null);
        return login(name, "password-for-" + name);
    }

    /** Posts the form and, as a browser does, follows the redirect (which takes the flash message). */
    private HttpResponse<String> post(WebSession session, String path, String form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + session.csrf())));
        if (response.statusCode() != 302) {
            return response;
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return getPage(session, URI.create(location).getPath());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
