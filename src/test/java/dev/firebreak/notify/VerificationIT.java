package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.cli.FirebreakCli;
import dev.firebreak.notify.internal.VerificationStore;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Contact-method verification over the API and the CLI, with the code read from the real mail. */
@Tag("database")
class VerificationIT extends EmailServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

    @Autowired
    VerificationStore audit;

    record Person(String name, String token) {}

    Person person(Role role) {
        String name = name("v");
        UserAccount account = accounts.create(name, "password-" + name, role, null, null);
        return new Person(name, tokens.create(account.id(), "test", null).secret());
    }

    long addEmail(Person p, String address) {
        HttpResponse<String> added = sendJson(
                "POST",
                "/api/v1/users/" + p.name() + "/contact-methods",
                p.token(),
                "{\"kind\":\"email\",\"address\":\"" + address + "\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        return json(added).get("id").asLong();
    }

    String verification(Person owner, long id) {
        return "/api/v1/users/" + owner.name() + "/contact-methods/" + id + "/verification";
    }

    /** The code in the newest mail to the address. */
    String codeSentTo(String address, int mails) throws Exception {
        List<MimeMessage> got =
                await().atMost(Duration.ofSeconds(15)).until(() -> SmtpSink.to(address), l -> l.size() >= mails);
        MimeMessage mail = got.getLast();
        String text =
                (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(text).contains("http://firebreak.test/account?verify=");
        return m.group(1);
    }

    @Test
    void theOwnerConfirmsTheCodeFromTheMail_aWrongOneIsA400WithTheTriesLeft() throws Exception {
        Person dora = person(Role.RESPONDER);
        String address = dora.name() + "@example.com";
        long id = addEmail(dora, address);
        JsonNode before = json(get("/api/v1/users/" + dora.name() + "/contact-status", dora.token()));
        assertThat(before.get(0).get("state").asString()).isEqualTo("NOT_VERIFIED");

        HttpResponse<String> sent = sendJson("POST", verification(dora, id), dora.token(), "");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(json(sent).get("address").asString()).isEqualTo(address);
        String code = codeSentTo(address, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> bad =
                sendJson("POST", verification(dora, id) + "/confirm", dora.token(), "{\"code\":\"" + wrong + "\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(bad).get("detail").asString()).isEqualTo("wrong code: 4 tries left");
        assertThat(json(bad).get("field").asString()).isEqualTo("code");
        HttpResponse<String> garbage =
                sendJson("POST", verification(dora, id) + "/confirm", dora.token(), "{\"code\":\"12ab\"}");
        assertThat(garbage.statusCode()).isEqualTo(400);

        HttpResponse<String> good =
                sendJson("POST", verification(dora, id) + "/confirm", dora.token(), "{\"code\":\"" + code + "\"}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json(good).get("state").asString()).isEqualTo("VERIFIED");
        assertThat(contactStatus.works(id)).isTrue();
        // The code is used up, and a new one is not sent again within the minute.
        HttpResponse<String> again =
                sendJson("POST", verification(dora, id) + "/confirm", dora.token(), "{\"code\":\"" + code + "\"}");
        assertThat(json(again).get("detail").asString()).contains("no code is pending");
        HttpResponse<String> tooSoon = sendJson("POST", verification(dora, id), dora.token(), "");
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(json(tooSoon).get("detail").asString()).contains("ask again in");
        assertThat(audit.audit(id))
                .extracting(VerificationStore.AuditEntry::action)
                .containsExactly("CODE_SENT", "VERIFIED_BY_CODE");
    }

    @Test
    void anExpiredCode_andTooManyWrongOnes_areRefused() throws Exception {
        Person eve = person(Role.RESPONDER);
        String address = eve.name() + "@example.com";
        long id = addEmail(eve, address);
        sendJson("POST", verification(eve, id), eve.token(), "");
        String code = codeSentTo(address, 1);
        clock.advance(ContactVerification.CODE_LIFETIME.plusSeconds(1));
        HttpResponse<String> expired =
                sendJson("POST", verification(eve, id) + "/confirm", eve.token(), "{\"code\":\"" + code + "\"}");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(json(expired).get("detail").asString()).isEqualTo("the code has expired: ask for a new one");

        assertThat(sendJson("POST", verification(eve, id), eve.token(), "").statusCode())
                .isEqualTo(202);
        String second = codeSentTo(address, 2);
        String wrong = second.equals("000000") ? "111111" : "000000";
        HttpResponse<String> last = null;
        for (int i = 0; i < ContactVerification.MAX_ATTEMPTS; i++) {
            last = sendJson("POST", verification(eve, id) + "/confirm", eve.token(), "{\"code\":\"" + wrong + "\"}");
            assertThat(last.statusCode()).isEqualTo(400);
        }
        assertThat(json(last).get("detail").asString()).isEqualTo("too many wrong codes: ask for a new one");
        HttpResponse<String> right =
                sendJson("POST", verification(eve, id) + "/confirm", eve.token(), "{\"code\":\"" + second + "\"}");
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(contactStatus.works(id)).isFalse();
    }

    @Test
    void someoneElsesMethod_isForbiddenOrNotFound_andOnlyAnAdminMarksOneVerified() {
        Person fay = person(Role.RESPONDER);
        Person gus = person(Role.RESPONDER);
        long faysMethod = addEmail(fay, fay.name() + "@example.com");

        HttpResponse<String> forbidden = sendJson("POST", verification(fay, faysMethod), gus.token(), "");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> notHis = sendJson("POST", verification(gus, faysMethod), gus.token(), "");
        assertThat(notHis.statusCode()).isEqualTo(404);
        assertThat(json(notHis).get("detail").asString())
                .isEqualTo(gus.name() + " has no contact method " + faysMethod);
        assertThat(sendJson("POST", verification(gus, faysMethod) + "/confirm", gus.token(), "{\"code\":\"123456\"}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> notAdmin =
                sendJson("PUT", verification(fay, faysMethod), fay.token(), "{\"verified\":true}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        String admin = tokenFor(Role.ADMIN);
        assertThat(sendJson("PUT", verification(fay, faysMethod), admin, "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> marked = sendJson(
                "PUT", verification(fay, faysMethod), admin, "{\"verified\":true,\"note\":\"checked by phone\"}");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json(marked).get("state").asString()).isEqualTo("VERIFIED");
        assertThat(audit.audit(faysMethod)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("VERIFIED_BY_ADMIN");
            assertThat(a.actor()).startsWith("admin-");
            assertThat(a.detail()).isEqualTo("checked by phone");
        });
    }

    @Test
    void theCli_sendsAndConfirmsACode_andListsTheStates() throws Exception {
        Person hal = person(Role.RESPONDER);
        String address = hal.name() + "@example.com";
        long id = addEmail(hal, address);
        Run sent = cli(hal.token(), "user", "contact", "verify", String.valueOf(id));
        assertThat(sent.code()).isZero();
        assertThat(sent.out()).contains("code sent to " + address);
        String code = codeSentTo(address, 1);

        Run wrong = cli(hal.token(), "user", "contact", "verify", String.valueOf(id), "--code", "12");
        assertThat(wrong.code()).isNotZero();
        assertThat(wrong.err().strip()).isEqualTo("firebreak: a code is the 6 digits from the message");
        Run ok = cli(hal.token(), "user", "contact", "verify", String.valueOf(id), "--code", code);
        assertThat(ok.out()).contains("verified " + address);
        assertThat(cli(hal.token(), "user", "contact", "verify", "--status").out())
                .containsPattern("(?m)^" + id + " +email +verified +" + Pattern.quote(address));
        Run mark = cli(hal.token(), "user", "contact", "verify", String.valueOf(id), "--mark");
        assertThat(mark.code()).isNotZero();
        assertThat(mark.err()).contains("your role does not allow this action");
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
