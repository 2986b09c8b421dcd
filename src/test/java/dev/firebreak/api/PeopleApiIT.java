package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /api/v1/users, /api/v1/teams, /api/v1/services and /api/v1/me/password: good and bad input. */
@Tag("database")
class PeopleApiIT extends ServerTest {
    @Autowired
    People people;

    @Autowired
    Teams teams;

    record Login(String username, String password, String token) {}

    @Test
    void aPersonEditsTheirOwnProfileAndContactMethods() {
        Login viewer = login(Role.VIEWER);
        String me = "/api/v1/users/" + viewer.username();

        HttpResponse<String> zone =
                sendJson("PATCH", me, viewer.token(), "{\"displayName\":\"Vera\",\"timeZone\":\"America/New_York\"}");
        assertThat(zone.statusCode()).isEqualTo(200);
        assertThat(zone.body()).contains("\"timeZone\":\"America/New_York\"", "\"displayName\":\"Vera\"");

        HttpResponse<String> badZone =
                sendJson("PATCH", me, viewer.token(), "{\"displayName\":\"Other\",\"timeZone\":\"Europe/Atlantis\"}");
        assertProblem(badZone, 400, "timeZone", "use an IANA name such as Europe/Berlin");
        assertThat(people.get(viewer.username()).displayName()).isEqualTo("Vera");
        assertThat(people.get(viewer.username()).timeZone()).isEqualTo("America/New_York");

        HttpResponse<String> badEmail =
                sendJson("PATCH", me, viewer.token(), "{\"email\":\"not-an-email\",\"timeZone\":\"Europe/Berlin\"}");
        assertProblem(badEmail, 400, "email", "not an email address");
        assertThat(people.get(viewer.username()).timeZone()).isEqualTo("America/New_York");
        assertThat(people.get(viewer.username()).email()).isNull();

        String methods = me + "/contact-methods";
        HttpResponse<String> email = sendJson(
                "POST",
                methods,
                viewer.token(),
                "{\"kind\":\"email\",\"address\":\"vera@example.com\",\"label\":\"work\"}");
        assertThat(email.statusCode()).isEqualTo(201);
        assertThat(email.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith(methods));
        assertProblem(
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"email\",\"address\":\"vera@example.com\"}"),
                409,
                null,
                "already has the email contact");
        assertProblem(
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"email\",\"address\":\"vera@\"}"),
                400,
                "address",
                "not an email address");
        assertProblem(
                sendJson(
                        "POST",
                        methods,
                        viewer.token(),
                        "{\"kind\":\"webhook\",\"address\":\"http://hooks.example.com/x\"}"),
                400,
                "address",
                "https://");
        assertProblem(
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"sms\",\"address\":\"0170 1234567\"}"),
                400,
                "address",
                "E.164");
        assertProblem(
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"chat\",\"address\":\"  \"}"),
                400,
                "address",
                "chat handle is empty");
        assertProblem(
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"pager\",\"address\":\"x\"}"),
                400,
                "kind",
                "kind must be one of");
        assertThat(people.contactMethods(viewer.username())).hasSize(1);

        HttpResponse<String> phone =
                sendJson("POST", methods, viewer.token(), "{\"kind\":\"phone\",\"address\":\"+1 (212) 555-0100\"}");
        assertThat(phone.statusCode()).isEqualTo(201);
        assertThat(phone.body()).contains("\"address\":\"+12125550100\"");

        HttpResponse<String> list = get("/api/v1/users", viewer.token());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"username\":\"" + viewer.username() + "\"", "vera@example.com", "+12125550100");

        long id = people.contactMethods(viewer.username()).getFirst().id();
        assertThat(sendJson("DELETE", methods + "/" + id, viewer.token(), "").statusCode())
                .isEqualTo(204);
        assertProblem(sendJson("DELETE", methods + "/" + id, viewer.token(), ""), 404, null, "no contact method");
        assertThat(people.contactMethods(viewer.username())).hasSize(1);

        Login other = login(Role.RESPONDER);
        assertProblem(
                sendJson("PATCH", "/api/v1/users/" + other.username(), viewer.token(), "{\"timeZone\":\"UTC\"}"),
                403,
                null,
                "only your own");
        assertThat(sendJson("PATCH", "/api/v1/users/" + viewer.username(), tokenFor(Role.ADMIN), "{\"timeZone\":\"\"}")
                        .body())
                .contains("\"timeZone\":null");
        assertProblem(get("/api/v1/users/nobody-" + UUID.randomUUID(), viewer.token()), 404, null, "no user");
    }

    @Test
    void passwordChangeChecksTheCurrentOne() {
        Login user = login(Role.VIEWER);
        assertProblem(
                sendJson(
                        "POST",
                        "/api/v1/me/password",
                        user.token(),
                        "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"a-new-password\"}"),
                400,
                "currentPassword",
                "not right");
        assertProblem(
                sendJson(
                        "POST",
                        "/api/v1/me/password",
                        user.token(),
                        "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"short\"}"),
                400,
                "newPassword",
                "at least 8");
        // The current password is unchanged: it still changes the password.
        assertThat(sendJson(
                                "POST",
                                "/api/v1/me/password",
                                user.token(),
                                "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"a-new-password\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(login(user.username(), "a-new-password").cookie()).isNotBlank();

        String admin = tokenFor(Role.ADMIN);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/users/" + user.username() + "/password",
                                admin,
                                "{\"newPassword\":\"reset-by-admin\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(login(user.username(), "reset-by-admin").cookie()).isNotBlank();
        assertThat(sendJson(
                                "POST",
                                "/api/v1/users/" + user.username() + "/password",
                                tokenFor(Role.RESPONDER),
                                "{\"newPassword\":\"reset-by-responder\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLastEnabledAdminStays() {
        Login last = login(Role.ADMIN);
        List<UserAccount> others = accounts.list().stream()
                .filter(a ->
                        a.role() == Role.ADMIN && a.enabled() && !a.username().equals(last.username()))
                .toList();
        others.forEach(a -> accounts.setEnabled(a.username(), false));
        try {
            String path = "/api/v1/users/" + last.username();
            assertProblem(
                    sendJson("PUT", path + "/role", last.token(), "{\"role\":\"viewer\"}"),
                    409,
                    null,
                    "last enabled admin");
            assertProblem(sendJson("POST", path + "/disable", last.token(), ""), 409, null, "last enabled admin");
            assertThat(accounts.find(last.username()).orElseThrow())
                    .extracting(UserAccount::role, UserAccount::enabled)
                    .containsExactly(Role.ADMIN, true);
            assertProblem(sendJson("PUT", path + "/role", last.token(), "{\"role\":\"owner\"}"), 400, "role", "one of");
        } finally {
            others.forEach(a -> accounts.setEnabled(a.username(), true));
        }
        Login responder = login(Role.RESPONDER);
        String admin = tokenFor(Role.ADMIN);
        String path = "/api/v1/users/" + responder.username();
        assertThat(sendJson("POST", path + "/disable", admin, "").body()).contains("\"enabled\":false");
        assertThat(get("/api/v1/me", responder.token()).statusCode()).isEqualTo(401);
        assertThat(sendJson("POST", path + "/enable", admin, "").body()).contains("\"enabled\":true");
        assertThat(sendJson("PUT", path + "/role", admin, "{\"role\":\"admin\"}")
                        .body())
                .contains("\"role\":\"ADMIN\"");
        assertThat(sendJson("PUT", path + "/role", responder.token(), "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sendJson("POST", path + "/disable", responder.token(), "").statusCode())
                .isEqualTo(403);
    }

    @Test
    void teamsAndServices() {
        String admin = tokenFor(Role.ADMIN);
        String team = "Payments " + UUID.randomUUID().toString().substring(0, 6);
        String teamPath = "/api/v1/teams/" + team.replace(" ", "%20");
        HttpResponse<String> created =
                sendJson("POST", "/api/v1/teams", admin, "{\"name\":\"" + team + "\",\"description\":\"money\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(teamPath);
        assertProblem(
                sendJson("POST", "/api/v1/teams", admin, "{\"name\":\"" + team + "\"}"), 409, null, "already exists");
        assertProblem(sendJson("POST", "/api/v1/teams", admin, "{\"name\":\"-bad/name\"}"), 400, "name", "team name");
        assertThat(sendJson("POST", "/api/v1/teams", tokenFor(Role.RESPONDER), "{\"name\":\"x" + team + "\"}")
                        .statusCode())
                .isEqualTo(403);

        Login alice = login(Role.RESPONDER);
        Login bob = login(Role.RESPONDER);
        String members = teamPath + "/members";
        assertThat(sendJson("POST", members, admin, "{\"username\":\"" + alice.username() + "\",\"role\":\"manager\"}")
                        .statusCode())
                .isEqualTo(201);
        assertProblem(
                sendJson("POST", members, admin, "{\"username\":\"" + alice.username() + "\"}"),
                409,
                null,
                "already a member");
        assertProblem(
                sendJson("POST", members, admin, "{\"username\":\"ghost-" + UUID.randomUUID() + "\"}"),
                400,
                "username",
                "no user");
        assertProblem(
                sendJson("POST", members, admin, "{\"username\":\"" + bob.username() + "\",\"role\":\"boss\"}"),
                400,
                "role",
                "member or manager");
        assertProblem(
                sendJson(
                        "POST",
                        "/api/v1/teams/nope-" + UUID.randomUUID() + "/members",
                        admin,
                        "{\"username\":\"" + bob.username() + "\"}"),
                404,
                null,
                "no team");
        assertThat(teams.get(team).members()).hasSize(1);
        sendJson("POST", members, admin, "{\"username\":\"" + bob.username() + "\"}");
        assertThat(get(teamPath, alice.token()).body())
                .contains("{\"username\":\"" + alice.username() + "\",\"role\":\"MANAGER\"},{\"username\":\""
                        + bob.username() + "\",\"role\":\"MEMBER\"}");

        String service = "checkout-" + UUID.randomUUID().toString().substring(0, 6);
        assertProblem(
                sendJson("POST", "/api/v1/services", admin, "{\"name\":\"" + service + "\",\"team\":\"ghosts\"}"),
                400,
                "team",
                "no team 'ghosts'");
        assertProblem(
                sendJson("POST", "/api/v1/services", admin, "{\"name\":\"" + service + "\"}"),
                400,
                "team",
                "owning team");
        assertThat(get("/api/v1/services/" + service, admin).statusCode()).isEqualTo(404);
        HttpResponse<String> svc = sendJson(
                "POST",
                "/api/v1/services",
                admin,
                "{\"name\":\"" + service + "\",\"team\":\"" + team + "\",\"escalationPolicy\":\"payments-default\"}");
        assertThat(svc.statusCode()).isEqualTo(201);
        assertProblem(
                sendJson("POST", "/api/v1/services", admin, "{\"name\":\"" + service + "\",\"team\":\"" + team + "\"}"),
                409,
                null,
                "already exists");
        assertThat(get(teamPath, admin).body()).contains("\"services\":[\"" + service + "\"]");
        assertProblem(sendJson("DELETE", teamPath, admin, ""), 409, null, "owns the services " + service);

        assertThat(sendJson(
                                "PATCH",
                                "/api/v1/services/" + service,
                                admin,
                                "{\"escalationPolicy\":\"\",\"description\":\"cart\"}")
                        .body())
                .contains("\"escalationPolicy\":null", "\"description\":\"cart\"", "\"team\":\"" + team + "\"");
        assertProblem(
                sendJson("PATCH", "/api/v1/services/" + service, admin, "{\"team\":\"ghosts\",\"description\":\"x\"}"),
                400,
                "team",
                "no team");
        assertThat(get("/api/v1/services/" + service, admin).body()).contains("\"description\":\"cart\"");

        assertThat(sendJson("DELETE", members + "/" + bob.username(), admin, "").statusCode())
                .isEqualTo(204);
        assertProblem(sendJson("DELETE", members + "/" + bob.username(), admin, ""), 404, null, "not a member");
        assertThat(sendJson("DELETE", "/api/v1/services/" + service, admin, "").statusCode())
                .isEqualTo(204);
        assertThat(sendJson("PATCH", teamPath, admin, "{\"description\":\"all the money\"}")
                        .body())
                .contains("all the money");
        assertThat(sendJson("DELETE", teamPath, admin, "").statusCode()).isEqualTo(204);
        assertThat(get(teamPath, admin).statusCode()).isEqualTo(404);
    }

    private Login login(Role role) {
        String name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password-" + name;
        UserAccount user = accounts.create(name, password, role, null, null);
        return new Login(name, password, tokens.create(user.id(), "test", null).secret());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
        if (field != null) {
            assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        }
    }
}
