package dev.firebreak.escalation;

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

/** Policies and role mappings through the API: what is accepted, what is refused and why. */
@Tag("database")
class EscalationPolicyApiIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String admin;
    String alice;

    @BeforeEach
    void setUp() {
        admin = tokenFor(Role.ADMIN);
        alice = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(alice, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
    }

    @Test
    void aBadPolicy_isRefusedWithEveryReason_andNothingIsSaved() {
        String name = name();
        HttpResponse<String> good = put(
                name,
                "{\"repeat\": 1, \"tiers\": [{\"steps\": [{\"delay\": \"5m\","
                        + " \"targets\": [{\"kind\": \"user\", \"name\": \"" + alice + "\"}]}]}]}");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(json(good).get("version").asInt()).isEqualTo(1);

        HttpResponse<String> bad = put(
                name,
                "{\"repeat\": 25, \"tiers\": ["
                        + "{\"severity\": \"P1\", \"steps\": [{\"delay\": \"0s\", \"targets\": [{\"kind\": \"user\", \"name\": \"nobody-"
                        + UUID.randomUUID() + "\"}]}, {\"delay\": \"5m\", \"targets\": []}]},"
                        + "{\"severity\": \"p1\", \"steps\": [{\"delay\": \"-5m\", \"targets\": [{\"kind\": \"schedule\", \"name\": \"nope\"}]}]},"
                        + "{\"severity\": \"P2\", \"steps\": []}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        String detail = json(bad).get("detail").asString();
        assertThat(detail)
                .contains("repeat must be between 0 and 20")
                .contains("no user 'nobody-")
                .contains("would page again and again")
                .contains("a step needs at least one target")
                .contains("two tiers for severity p1")
                .contains("delay must not be negative")
                .contains("no schedule 'nope'")
                .contains("tiers[2] has no steps");

        JsonNode stored = json(get("/api/v1/escalation-policies/" + name, admin));
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(stored.get("repeat").asInt()).isEqualTo(1);

        HttpResponse<String> none =
                sendJson("POST", "/api/v1/escalation-policies", admin, "{\"name\": \"" + name() + "\"}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).get("detail").asString()).contains("at least one tier");
    }

    @Test
    void policiesPagingEachOtherInACircle_areRefused() {
        String a = name();
        String b = name();
        assertThat(put(a, steps("user", alice)).statusCode()).isEqualTo(200);
        assertThat(put(b, steps("policy", a)).statusCode()).isEqualTo(200);
        HttpResponse<String> loop = put(a, steps("policy", b));
        assertThat(loop.statusCode()).isEqualTo(400);
        assertThat(json(loop).get("detail").asString()).contains(a + " -> " + b + " -> " + a);
        HttpResponse<String> self = put(b, steps("policy", b));
        assertThat(json(self).get("detail").asString()).contains("cannot page itself");

        HttpResponse<String> delete = sendJson("DELETE", "/api/v1/escalation-policies/" + a, admin, "");
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(json(delete).get("detail").asString()).contains("is paged by " + b);
    }

    @Test
    void aRoleWithoutAMapping_isSavedWithAFinding_andMappingsMatchTrimmedAndCaseFolded() {
        String role = "Primary " + UUID.randomUUID().toString().substring(0, 6);
        String name = name();
        HttpResponse<String> saved = put(name, steps("role", role));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).get("findings").get(0).asString()).contains("has no mapping yet");

        HttpResponse<String> mapped = sendJson(
                "PUT",
                "/api/v1/escalation-roles/" + ("  " + role.toUpperCase() + " ").replace(" ", "%20"),
                admin,
                "{\"target\": {\"kind\": \"user\", \"name\": \"" + alice + "\"}}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/escalation-policies/" + name, admin))
                        .get("findings")
                        .size())
                .isZero();
        assertThat(get("/api/v1/escalation-roles/" + (role + " on-call").replace(" ", "%20"), admin)
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> unknown = sendJson(
                "PUT",
                "/api/v1/escalation-roles/x",
                admin,
                "{\"target\": {\"kind\": \"team\", \"name\": \"no-team\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("detail").asString()).contains("no team 'no-team'");
    }

    @Test
    void theIncidentPage_showsThePolicyWhoWasPagedAndWhenTheNextStepIsDue() {
        String password = "password-" + UUID.randomUUID();
        String bob = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(bob, password, Role.RESPONDER, null, null);
        String name = name();
        assertThat(put(
                                name,
                                "{\"tiers\": [{\"steps\": [{\"delay\": \"5m\", \"targets\": [{\"kind\": \"user\","
                                        + " \"name\": \"" + alice
                                        + "\"}]}, {\"delay\": \"5m\", \"targets\": [{\"kind\": \"user\","
                                        + " \"name\": \"" + bob + "\"}]}]}]}")
                        .statusCode())
                .isEqualTo(200);
        var group = dev.firebreak.incident.AlertGroups.group(
                dev.firebreak.incident.AlertGroups.key(),
                null,
                null,
                java.util.List.of(dev.firebreak.incident.AlertGroups.alert(
                        "Qzpw", java.util.Map.of(), clock.instant(), "qzpw flutter")));
        group = new dev.firebreak.alert.AlertGroup(
                group.groupKey(),
                group.route(),
                group.groupLabels(),
                "checkout",
                name,
                group.severity(),
                null,
                group.alerts());
        alertGroups().fire(group);
        JsonNode found = json(get(
                "/api/v1/incidents?q="
                        + java.net.URLEncoder.encode(group.groupKey(), java.nio.charset.StandardCharsets.UTF_8),
                admin));
        long id = found.get(0).get("id").asLong();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() ->
                        json(get("/api/v1/incidents/" + id + "/pages", admin)).size() == 1);

        JsonNode escalation = json(get("/api/v1/incidents/" + id + "/escalation", admin));
        assertThat(escalation.get("policy").asString()).isEqualTo(name);
        assertThat(escalation.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(escalation.get("nextStepAt").isNull()).isFalse();

        WebSession session = login(bob, password);
        HttpResponse<String> page = getPage(session, "/incidents/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"escalation\"")
                .contains(name)
                .contains(alice)
                .contains("Next step due")
                .contains("1 of 2");
        assertThat(getPage(session, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAdminsChangePolicies() {
        String responder = tokenFor(Role.RESPONDER);
        assertThat(sendJson("PUT", "/api/v1/escalation-policies/" + name(), responder, steps("user", alice))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/escalation-policies", responder).statusCode()).isEqualTo(200);
    }

    private String steps(String kind, String target) {
        return "{\"tiers\": [{\"steps\": [{\"delay\": \"5m\", \"targets\": [{\"kind\": \"" + kind + "\", \"name\": \""
                + target + "\"}]}]}]}";
    }

    private HttpResponse<String> put(String name, String body) {
        return sendJson("PUT", "/api/v1/escalation-policies/" + name, admin, body);
    }

    private static String name() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
