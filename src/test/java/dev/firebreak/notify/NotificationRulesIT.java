package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.cli.FirebreakCli;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notification rules over the API and the CLI: a person edits their own, an admin anybody's; bad
 * rules are problem+json and save nothing. Runs without a mail server, so codes cannot be sent.
 */
@Tag("database")
class NotificationRulesIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    People people;

    record Person(String name, String token) {}

    Person person(Role role) {
        String name = "r" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount account = accounts.create(name, "password-" + name, role, null, null);
        return new Person(name, tokens.create(account.id(), "test", null).secret());
    }

    String path(Person p) {
        return "/api/v1/users/" + p.name() + "/notification-rules";
    }

    static String rule(String urgency, long method, long delay) {
        return "{\"urgency\":\"" + urgency + "\",\"contactMethodId\":" + method + ",\"delaySeconds\":" + delay + "}";
    }

    static String rules(String... rules) {
        return "{\"rules\":[" + String.join(",", rules) + "]}";
    }

    @Test
    void aPersonSetsTheirRules_badOnesAreProblemsAndSaveNothing() {
        Person kim = person(Role.RESPONDER);
        Person lee = person(Role.RESPONDER);
        long email = people.addContactMethod(kim.name(), ContactMethod.Kind.EMAIL, kim.name() + "@example.com", null)
                .id();
        long push = people.addContactMethod(kim.name(), ContactMethod.Kind.PUSH, "https://203.0.113.9/kim", null)
                .id();
        long chat = people.addContactMethod(kim.name(), ContactMethod.Kind.CHAT, "@kim", null)
                .id();
        long leesEmail = people.addContactMethod(
                        lee.name(), ContactMethod.Kind.EMAIL, lee.name() + "@example.com", null)
                .id();

        assertThat(json(get(path(kim), kim.token())).get("rules")).isEmpty();
        HttpResponse<String> saved = sendJson(
                "PUT",
                path(kim),
                kim.token(),
                rules(rule("high", email, 0), rule("HIGH", push, 120), rule("low", email, 300)));
        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode body = json(saved);
        assertThat(body.get("rules")).hasSize(3);
        assertThat(body.at("/rules/1/urgency").asString()).isEqualTo("high");
        assertThat(body.at("/rules/1/delaySeconds").asLong()).isEqualTo(120);
        String before = get(path(kim), kim.token()).body();

        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("high", email, 0), rule("high", leesEmail, 60))),
                400,
                "rules[1].contactMethodId",
                "contact method " + leesEmail + " is not one of " + kim.name() + "'s");
        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("high", email, -5))),
                400,
                "rules[0].delaySeconds",
                "the delay is from 0 to 24 hours");
        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("high", email, 90_000))),
                400,
                "rules[0].delaySeconds",
                "the delay is from 0 to 24 hours");
        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("urgent", email, 0))),
                400,
                "rules[0].urgency",
                "urgency is high or low");
        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("high", chat, 0))),
                400,
                "rules[0].contactMethodId",
                "no channel delivers to chat contact methods");
        problem(
                sendJson("PUT", path(kim), kim.token(), rules(rule("high", email, 0), rule("high", email, 0))),
                400,
                "rules[1]",
                "repeats an earlier rule");
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i <= NotificationRules.MAX_RULES; i++) {
            many.add(rule("high", email, i));
        }
        problem(sendJson("PUT", path(kim), kim.token(), "{\"rules\":[" + many + "]}"), 400, "rules", "at most 20");
        problem(sendJson("PUT", path(kim), kim.token(), "{\"rules\": [ {\"urgency\": "), 400, null, "not valid JSON");
        problem(sendJson("PUT", path(kim), kim.token(), "{}"), 400, "rules", "the JSON body is");
        assertThat(get(path(kim), kim.token()).body()).isEqualTo(before);

        problem(sendJson("PUT", path(lee), kim.token(), rules(rule("high", leesEmail, 0))), 403, null, "only your own");
        assertThat(get(path(lee), kim.token()).statusCode()).isEqualTo(200);
        String admin = tokenFor(Role.ADMIN);
        assertThat(sendJson("PUT", path(lee), admin, rules(rule("high", leesEmail, 60)))
                        .statusCode())
                .isEqualTo(200);
        problem(get("/api/v1/users/nobody-" + UUID.randomUUID() + "/notification-rules", admin), 404, null, "no user");
    }

    @Test
    void withoutAMailServer_noCodeIsSent_andTheStatusSaysWhy() {
        Person max = person(Role.RESPONDER);
        long email = people.addContactMethod(max.name(), ContactMethod.Kind.EMAIL, max.name() + "@example.com", null)
                .id();
        problem(
                sendJson(
                        "POST",
                        "/api/v1/users/" + max.name() + "/contact-methods/" + email + "/verification",
                        max.token(),
                        ""),
                409,
                null,
                "no mail server is configured (set spring.mail.host)");
        JsonNode status = json(get("/api/v1/users/" + max.name() + "/contact-status", max.token()));
        assertThat(status.get(0).get("cannotSend").asString()).contains("no mail server");
    }

    @Test
    void theCli_setsAndShowsRules() {
        Person ned = person(Role.RESPONDER);
        long email = people.addContactMethod(ned.name(), ContactMethod.Kind.EMAIL, ned.name() + "@example.com", null)
                .id();
        long push = people.addContactMethod(ned.name(), ContactMethod.Kind.PUSH, "https://203.0.113.9/ned", null)
                .id();
        Run set = cli(
                ned.token(), "user", "rules", "set", "high:" + email, "high:" + push + ":2m", "low:" + email + ":1h");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out())
                .containsPattern("(?m)^high +at once +" + email + " +email " + ned.name())
                .containsPattern("(?m)^high +2m +" + push + " +push https://203\\.0\\.113\\.9/ned")
                .containsPattern("(?m)^low +1h +" + email + " ");
        assertThat(cli(ned.token(), "user", "rules", "show").out()).contains("2m");
        Run bad = cli(ned.token(), "user", "rules", "set", "high:" + email + ":soon");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err().strip()).isEqualTo("firebreak: 'soon' is not a delay such as 90s, 2m or 1h");
        Run notMine = cli(ned.token(), "user", "rules", "set", "high:999999999");
        assertThat(notMine.code()).isNotZero();
        assertThat(notMine.err()).contains("contact method 999999999 is not one of " + ned.name() + "'s");
        assertThat(cli(ned.token(), "user", "rules", "set", "--clear").out()).contains("no rules");
    }

    private static void problem(HttpResponse<String> response, int status, String field, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asString()).contains(detail);
        if (field != null) {
            assertThat(problem.get("field").asString()).isEqualTo(field);
        }
    }

    record Run(int code, String out, String err) {}

    Run cli(String token, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = "http://127.0.0.1:" + port;
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
