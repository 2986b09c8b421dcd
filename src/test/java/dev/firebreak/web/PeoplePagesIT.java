package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.URLEncoder;
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
        assertThat(postForm(session, "/account/profile", "displayName=Ann&timeZone=Mars%2FBase")
                        .body())
                .contains("unknown time zone &#39;Mars/Base&#39;");
        assertThat(people.get(name).displayName()).isNull();

        assertThat(postForm(session, "/account/profile", "displayName=Ann&timeZone=Europe%2FLisbon")
                        .body())
                .contains("Profile saved.", "<dd id=\"account-zone\">Europe/Lisbon</dd>");

        postForm(session, "/account/contact-methods", "kind=email&address=" + enc("ann@example.com") + "&label=work");
        String page = postForm(
                        session,
                        "/account/contact-methods",
                        "kind=webhook&address=" + enc("http://insecure.example.com"))
                .body();
        assertThat(page).contains("webhook URL must be https://").contains("<code>ann@example.com</code>");
        assertThat(people.contactMethods(name)).hasSize(1);
        long id = people.contactMethods(name).getFirst().id();
        postForm(session, "/account/contact-methods/" + id + "/remove", "");
        assertThat(people.contactMethods(name)).isEmpty();

        assertThat(postForm(
                                session,
                                "/account/password",
                                "currentPassword=wrong&newPassword=new-password-1&confirmPassword=new-password-1")
                        .body())
                .contains("the current password is not right");
        assertThat(postForm(
                                session,
                                "/account/password",
                                "currentPassword=password-for-" + name
                                        + "&newPassword=new-password-1&confirmPassword=other-password")
                        .body())
                .contains("the new passwords do not match");
        assertThat(postForm(
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
        String page = postForm(
                        admin,
                        "/admin/users",
                        "username=" + name + "&password=long-password&role=RESPONDER&timeZone=Asia%2FKolkata")
                .body();
        assertThat(page).contains("User " + name + " created.", "id=\"user-" + name + "\"", "Asia/Kolkata");

        assertThat(postForm(
                                admin,
                                "/admin/users",
                                "username=bad" + name + "&password=long-password&role=VIEWER&timeZone=Nowhere")
                        .body())
                .contains("unknown time zone");
        assertThat(accounts.find("bad" + name)).isEmpty();

        postForm(admin, "/admin/users/" + name + "/enabled", "enabled=false");
        assertThat(accounts.find(name).orElseThrow().enabled()).isFalse();
        postForm(admin, "/admin/users/" + name + "/enabled", "enabled=true");
        postForm(admin, "/admin/users/" + name + "/role", "role=VIEWER");
        assertThat(accounts.find(name).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(postForm(admin, "/admin/users/" + name + "/password", "newPassword=short")
                        .body())
                .contains("at least 8 characters");
        postForm(admin, "/admin/users/" + name + "/password", "newPassword=reset-password");
        assertThat(login(name, "reset-password").cookie()).isNotBlank();

        WebSession viewer = user(Role.VIEWER);
        assertThat(getPage(viewer, "/admin/users").statusCode()).isEqualTo(403);
        assertThat(getPage(viewer, "/account").body()).doesNotContain("href=\"/admin/users\"");
        assertThat(postForm(user(Role.RESPONDER), "/admin/users/" + name + "/enabled", "enabled=false")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void teamsAndServicesPages() {
        WebSession admin = user(Role.ADMIN);
        String member = "tm" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(member, "password-for-" + member, Role.RESPONDER, null, null);
        String team = "Web Team " + UUID.randomUUID().toString().substring(0, 6);

        assertThat(postForm(admin, "/teams", "name=" + enc(team) + "&description=pages")
                        .body())
                .contains("Team " + team + " created.");
        assertThat(postForm(admin, "/teams", "name=" + enc(team)).body())
                .contains("team &#39;" + team + "&#39; already exists");
        String path = "/teams/" + team.replace(" ", "%20");
        postForm(admin, path + "/members", "username=" + member + "&role=manager");
        String page = postForm(admin, path + "/members", "username=" + member).body();
        assertThat(page).contains("already a member").contains("<td>" + member + "</td>", "<td>manager</td>");

        String service = "websvc-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(postForm(
                                admin,
                                "/services",
                                "name=" + service + "&team=" + enc(team) + "&escalationPolicy=web-default")
                        .body())
                .contains(service, "web-default", "Service " + service + " created.");
        assertThat(postForm(admin, "/services", "name=x" + service + "&team=nobody")
                        .body())
                .contains("no team &#39;nobody&#39;");

        WebSession responder = user(Role.RESPONDER);
        String asResponder = getPage(responder, "/teams").body();
        assertThat(asResponder).contains(team).doesNotContain("id=\"new-team\"");
        assertThat(postForm(responder, "/teams", "name=nope").statusCode()).isEqualTo(403);
        assertThat(postForm(responder, "/services", "name=nope&team=" + enc(team))
                        .statusCode())
                .isEqualTo(403);
    }

    private WebSession user(Role role) {
        String name = role.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(name, "password-for-" + name, role, null, null);
        return login(name, "password-for-" + name);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
