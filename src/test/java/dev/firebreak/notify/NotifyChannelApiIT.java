package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels over the REST API and the settings page, in the default context: {@code
 * firebreak.notify.allowed-networks} is empty, so loopback and private URLs are refused. Nothing
 * here sends a message: the channels made belong to fresh teams without services or incidents.
 */
@Tag("database")
class NotifyChannelApiIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHANNELS = "/api/v1/notify/channels";
    // a documentation address (TEST-NET-3): public to the policy, and never sent to here
    private static final String PUBLIC_URL = "https://203.0.113.10/hooks/T0/B0/abc";

    @Autowired
    Teams teams;

    @Autowired
    People people;

    private String team() {
        String name = NotifyFixtures.name("team");
        teams.create(name, null);
        return name;
    }

    private static String body(String name, String type, String url, String team) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("type", type)
                .put("url", url)
                .put("team", team)
                .toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String field, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(json(response).path("field").asString()).isEqualTo(field);
        }
        assertThat(json(response).path("detail").asString()).contains(detail);
    }

    @Test
    void badChannels_areRefusedWithTheFieldAtFault_andNothingIsSaved() {
        String admin = tokenFor(Role.ADMIN);
        String team = team();
        String name = NotifyFixtures.name("bad");

        assertProblem(sendJson("POST", CHANNELS, admin, ""), 400, null, "");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body("has space", "slack", PUBLIC_URL, team)),
                400,
                "name",
                "channel name");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "Not A Type", PUBLIC_URL, team)),
                400,
                "type",
                "type must be one of");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "pager", PUBLIC_URL, team)),
                400,
                "type",
                "no provider delivers 'pager' messages; known types:");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "slack", PUBLIC_URL, null)),
                400,
                "team",
                "a team or to a service");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "slack", PUBLIC_URL, "no-such-team")),
                400,
                "team",
                "no team 'no-such-team'");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "slack", "ftp://203.0.113.10/x", team)),
                400,
                "url",
                "https://");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "slack", "https://user:pw@203.0.113.10/x", team)),
                400,
                "url",
                "user name or password");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "webhook", "https://127.0.0.1:9/hook", team)),
                400,
                "url",
                "127.0.0.1 resolves to 127.0.0.1, a loopback address: refused unless firebreak.notify.allowed-networks includes it");
        assertProblem(
                sendJson(
                        "POST",
                        CHANNELS,
                        admin,
                        body(name, "webhook", "https://169.254.169.254/latest/meta-data", team)),
                400,
                "url",
                "a link-local address");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "teams", "https://10.0.0.8/flow", team)),
                400,
                "url",
                "a private address");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "ntfy", "https://[::1]/topic", team)),
                400,
                "url",
                "loopback");
        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "mattermost", "http://203.0.113.10/hooks/x", team)),
                400,
                "url",
                "plain http");
        assertProblem(
                sendJson("POST", CHANNELS, tokenFor(Role.RESPONDER), body(name, "slack", PUBLIC_URL, team)),
                403,
                null,
                "");

        assertThat(json(get(CHANNELS, admin)).valueStream().map(c -> c.path("name")
                        .asString()))
                .doesNotContain(name, "has space");
        assertProblem(get(CHANNELS + "/" + name, admin), 404, null, "no channel '" + name + "'");
    }

    @Test
    void aChannel_isCreatedMaskedPatchedRotatedAndDeleted() {
        String admin = tokenFor(Role.ADMIN);
        String team = team();
        String name = NotifyFixtures.name("hook");

        HttpResponse<String> created = sendJson("POST", CHANNELS, admin, body(name, "webhook", PUBLIC_URL, team));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(CHANNELS + "/" + name);
        JsonNode channel = json(created);
        String secret = channel.path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(channel.path("url").asString()).isEqualTo("https://203.0.113.10/…");
        assertThat(channel.path("signed").asBoolean()).isTrue();
        assertThat(channel.path("team").asString()).isEqualTo(team);

        assertProblem(
                sendJson("POST", CHANNELS, admin, body(name, "webhook", PUBLIC_URL, team)),
                409,
                null,
                "already exists");
        JsonNode read = json(get(CHANNELS + "/" + name, tokenFor(Role.VIEWER)));
        assertThat(read.path("secret").isNull()).as("the secret is shown once").isTrue();
        assertThat(read.path("url").asString()).doesNotContain("abc");

        assertProblem(
                sendJson("PATCH", CHANNELS + "/" + name, admin, "{\"url\":\"https://192.168.1.9/x\"}"),
                400,
                "url",
                "private");
        assertThat(json(sendJson("PATCH", CHANNELS + "/" + name, admin, "{\"enabled\":false}"))
                        .path("enabled")
                        .asBoolean())
                .isFalse();

        assertProblem(
                sendJson("POST", CHANNELS + "/" + name + "/rotate-secret?overlap=8d", admin, ""), 400, "overlap", "7d");
        JsonNode rotated = json(sendJson("POST", CHANNELS + "/" + name + "/rotate-secret?overlap=1h", admin, ""));
        assertThat(rotated.path("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        String slack = NotifyFixtures.name("chat");
        assertThat(sendJson("POST", CHANNELS, admin, body(slack, "slack", PUBLIC_URL, team))
                        .statusCode())
                .isEqualTo(201);
        assertProblem(
                sendJson("POST", CHANNELS + "/" + slack + "/rotate-secret", admin, ""),
                400,
                "name",
                "only webhook channels are signed");

        assertThat(sendJson("DELETE", CHANNELS + "/" + name, admin, "").statusCode())
                .isEqualTo(204);
        assertThat(sendJson("DELETE", CHANNELS + "/" + slack, admin, "").statusCode())
                .isEqualTo(204);
        assertProblem(sendJson("DELETE", CHANNELS + "/" + name, admin, ""), 404, null, "no channel");
    }

    @Test
    void aPersonsWebhookToLoopback_isRefused_whenNoNetworkIsAllowed() {
        String name = NotifyFixtures.name("u");
        accounts.create(name, "password-for-" + name, Role.RESPONDER, null, null);
        String token =
                tokens.create(accounts.find(name).orElseThrow().id(), "t", null).secret();

        HttpResponse<String> refused = sendJson(
                "POST",
                "/api/v1/users/" + name + "/contact-methods",
                token,
                "{\"kind\":\"webhook\",\"address\":\"http://127.0.0.1:8080/hook\"}");
        assertProblem(refused, 400, "address", "a loopback address");
        assertProblem(
                sendJson(
                        "POST",
                        "/api/v1/users/" + name + "/contact-methods",
                        token,
                        "{\"kind\":\"push\",\"address\":\"https://10.1.1.1/topic\"}"),
                400,
                "address",
                "a private address");
        assertThat(people.contactMethods(name)).isEmpty();

        HttpResponse<String> saved = sendJson(
                "POST",
                "/api/v1/users/" + name + "/contact-methods",
                token,
                "{\"kind\":\"webhook\",\"address\":\"" + PUBLIC_URL + "\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long id = json(saved).path("id").asLong();
        String path = "/api/v1/users/" + name + "/contact-methods/" + id + "/webhook-secret";
        String secret = json(get(path, token)).path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(json(get(path, tokenFor(Role.ADMIN))).path("secret").asString())
                .isEqualTo(secret);
        assertProblem(get(path, tokenFor(Role.RESPONDER)), 403, null, "only the owner or an admin");
        people.removeContactMethod(name, id);
    }

    @Test
    void theSettingsPage_listsAddsAndExplainsRefusals() {
        WebSession admin = login("admin", "admin-password-for-tests");
        String team = team();
        String name = NotifyFixtures.name("page");

        String refused = postForm(
                        admin,
                        "/settings/channels",
                        "name=" + name + "&type=slack&team=" + team + "&url=" + enc("http://127.0.0.1/hook"))
                .body();
        assertThat(refused).contains("a loopback address: refused unless firebreak.notify.allowed-networks");
        String added = postForm(
                        admin,
                        "/settings/channels",
                        "name=" + name + "&type=webhook&team=" + team + "&url=" + enc(PUBLIC_URL))
                .body();
        assertThat(added).contains("id=\"new-secret-value\">whsec_", "<td>" + name + "</td>", "https://203.0.113.10/…");
        assertThat(getPage(admin, "/settings/channels").body()).doesNotContain("new-secret-value");
        assertThat(postForm(admin, "/settings/channels/" + name + "/delete", "").body())
                .contains("Channel " + name + " removed.");
        assertThat(getPage(admin, "/settings").body()).contains("href=\"/settings/channels\"");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
