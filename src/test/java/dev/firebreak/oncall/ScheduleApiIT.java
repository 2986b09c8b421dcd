package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schedules API: definitions in and out, and every validation as problem+json that saves nothing. */
@Tag("database")
class ScheduleApiIT extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

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

    String user(String username) {
        accounts.create(username, "password-123456", Role.RESPONDER, null, username + "@example.com");
        return username;
    }

    String schedule(String zone, String layers) {
        return """
                {"name":"%s","description":"payments primary","zone":"%s","layers":%s}""".formatted(name, zone, layers);
    }

    String layer(String layerName, int priority, String members, String rotation, String restrictions) {
        return """
                {"name":"%s","priority":%d,"start":"2026-01-05T09:00","rotation":%s,"members":%s,"restrictions":%s}""".formatted(layerName, priority, rotation, members, restrictions);
    }

    String weekly() {
        return layer("weekly", 1, "[\"" + alice + "\",\"" + bob + "\"]", "{\"kind\":\"weekly\"}", "[]");
    }

    @Test
    void createsShowsUpdatesAndDeletesASchedule() {
        String business = layer(
                "business",
                2,
                "[\"" + carol + "\"]",
                "{\"kind\":\"hours\",\"hours\":12}",
                "[{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"from\":\"09:00\",\"to\":\"17:00\"}]");
        HttpResponse<String> created = sendJson(
                "POST", "/api/v1/schedules", token, schedule("Europe/Berlin", "[" + weekly() + "," + business + "]"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode shown = json(get("/api/v1/schedules/" + name, token), 200);
        assertThat(shown.get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(shown.at("/layers/0/name").asString()).isEqualTo("business");
        assertThat(shown.at("/layers/0/rotation/kind").asString()).isEqualTo("hours");
        assertThat(shown.at("/layers/0/rotation/hours").asInt()).isEqualTo(12);
        assertThat(shown.at("/layers/0/restrictions/0/days/4").asString()).isEqualTo("FRI");
        assertThat(shown.at("/layers/0/restrictions/0/from").asString()).isEqualTo("09:00");
        assertThat(shown.at("/layers/1/members/1").asString()).isEqualTo(bob);
        assertThat(json(get("/api/v1/schedules", token), 200).findValuesAsString("name"))
                .contains(name);

        assertThat(sendJson("POST", "/api/v1/schedules", token, schedule("Europe/Berlin", "[" + weekly() + "]"))
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> updated =
                sendJson("PUT", "/api/v1/schedules/" + name, token, schedule("America/New_York", "[" + weekly() + "]"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = json(get("/api/v1/schedules/" + name, token), 200);
        assertThat(after.get("zone").asString()).isEqualTo("America/New_York");
        assertThat(after.get("layers")).hasSize(1);

        assertThat(sendJson("DELETE", "/api/v1/schedules/" + name, token, "").statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/schedules/" + name, token).statusCode()).isEqualTo(404);
        assertThat(sendJson("POST", "/api/v1/schedules", tokenFor(Role.VIEWER), schedule("UTC", "[]"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void everyInvalidScheduleIsAProblemAndSavesNothing() {
        String members = "[\"" + alice + "\"]";
        String daily = "{\"kind\":\"daily\"}";
        rejected(schedule("Europe/Berln", "[]"), "zone", "IANA");
        rejected(schedule("europe/berlin", "[]"), "zone", "did you mean Europe/Berlin");
        rejected(schedule("UTC", "[" + layer("l", 1, "[]", daily, "[]") + "]"), "layers[0].members", "no members");
        rejected(
                schedule("UTC", "[" + layer("l", 1, "[\"nobody-here\"]", daily, "[]") + "]"),
                "layers[0].members",
                "no user 'nobody-here'");
        rejected(
                schedule("UTC", "[" + layer("l", 1, members, "{\"kind\":\"hours\",\"hours\":0}", "[]") + "]"),
                "layers[0].rotation",
                "1..8760");
        rejected(
                schedule("UTC", "[" + layer("l", 1, members, "{\"kind\":\"hours\",\"hours\":8761}", "[]") + "]"),
                "layers[0].rotation",
                "1..8760");
        rejected(
                schedule(
                        "UTC",
                        "[" + layer("a", 1, members, daily, "[]") + "," + layer("b", 1, members, daily, "[]") + "]"),
                "layers[1].priority",
                "priority 1");
        rejected(
                schedule(
                        "UTC",
                        "[" + layer("a", 1, members, daily, "[]") + "," + layer("a", 2, members, daily, "[]") + "]"),
                "layers[1].name",
                "two layers are named 'a'");
        rejected(
                schedule(
                        "UTC",
                        "[" + layer("a", 1, members, daily, "[{\"days\":[],\"from\":\"09:00\",\"to\":\"17:00\"}]")
                                + "]"),
                "layers[0].restrictions",
                "at least one day");
        rejected(
                schedule("UTC", "[" + layer("a", 1, members, "{\"kind\":\"fortnightly\"}", "[]") + "]"),
                "layers[0].rotation",
                "daily, weekly or hours");

        // an invalid update leaves the stored schedule as it was
        assertThat(sendJson("POST", "/api/v1/schedules", token, schedule("UTC", "[" + weekly() + "]"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> bad = sendJson(
                "PUT",
                "/api/v1/schedules/" + name,
                token,
                schedule("UTC", "[" + layer("l", 1, "[]", daily, "[]") + "]"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(get("/api/v1/schedules/" + name, token), 200)
                        .at("/layers/0/name")
                        .asString())
                .isEqualTo("weekly");
    }

    @Test
    void everyInvalidOverrideIsAProblemAndSavesNothing() {
        assertThat(sendJson("POST", "/api/v1/schedules", token, schedule("UTC", "[" + weekly() + "]"))
                        .statusCode())
                .isEqualTo(201);
        String path = "/api/v1/schedules/" + name + "/overrides";
        HttpResponse<String> ok =
                sendJson("POST", path, token, override(bob, null, "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode saved = JSON.readTree(ok.body());
        assertThat(saved.get("username").asString()).isEqualTo(bob);

        overrideRejected(override(bob, null, "2026-03-02T12:00:00Z", "2026-03-02T12:00:00Z"), 400, "end");
        overrideRejected(override(carol, null, "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"), 400, "username");
        overrideRejected(
                override("nobody-here", null, "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"), 400, "username");
        overrideRejected(override(bob, null, "yesterday", "2026-03-03T12:00:00Z"), 400, "start");
        HttpResponse<String> overlap = sendJson(
                "POST", path, token, override(alice, null, "2026-03-02T11:00:00+01:00", "2026-03-02T13:00:00Z"));
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
        // a different replaced person is a different slot
        assertThat(sendJson("POST", path, token, override(bob, alice, "2026-03-02T11:00:00Z", "2026-03-02T13:00:00Z"))
                        .statusCode())
                .isEqualTo(201);

        JsonNode list = json(get(path + "?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z", token), 200);
        assertThat(list).hasSize(2);
        HttpResponse<String> tooLong =
                get("/api/v1/schedules/" + name + "/rendered?from=2026-01-01T00:00:00Z&to=2027-03-01T00:00:00Z", token);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("field").asString()).isEqualTo("to");
        HttpResponse<String> badTime = get("/api/v1/oncall?at=noon", token);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTime.body()).get("field").asString()).isEqualTo("at");

        assertThat(sendJson("DELETE", path + "/" + saved.get("id").asLong(), token, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(get(path + "?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z", token), 200))
                .hasSize(1);
        assertThat(sendJson("DELETE", path + "/" + saved.get("id").asLong(), token, "")
                        .statusCode())
                .isEqualTo(404);
    }

    String override(String username, String replaces, String start, String end) {
        return "{\"username\":\"%s\",%s\"start\":\"%s\",\"end\":\"%s\"}"
                .formatted(username, replaces == null ? "" : "\"replaces\":\"" + replaces + "\",", start, end);
    }

    void overrideRejected(String body, int status, String field) {
        HttpResponse<String> response = sendJson("POST", "/api/v1/schedules/" + name + "/overrides", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(JSON.readTree(response.body()).get("field").asString()).isEqualTo(field);
        assertThat(json(
                        get(
                                "/api/v1/schedules/" + name
                                        + "/overrides?from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z",
                                token),
                        200))
                .isEmpty();
    }

    void rejected(String body, String field, String reason) {
        HttpResponse<String> response = sendJson("POST", "/api/v1/schedules", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains(reason);
        assertThat(get("/api/v1/schedules/" + name, token).statusCode()).isEqualTo(404);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
