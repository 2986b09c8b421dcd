package dev.firebreak.oncall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.oncall.ContactMethod.Kind;
import dev.firebreak.platform.FirebreakException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeopleRulesTest {

    @Test
    void zonesAreIanaRegions() {
        assertThat(PeopleRules.zone(" Europe/Berlin ")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(PeopleRules.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(PeopleRules.zone("America/Argentina/Buenos_Aires").getId())
                .isEqualTo("America/Argentina/Buenos_Aires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "Berlin", "+02:00", "CET", "GMT+2", "", "  ", "Europe/Berlin/x"})
    void unknownOrFixedZonesAreRefusedWithAHint(String zone) {
        assertThatThrownBy(() -> PeopleRules.zone(zone))
                .isInstanceOf(FirebreakException.BadInput.class)
                .hasMessageContaining("such as Europe/Berlin")
                .extracting(e -> ((FirebreakException) e).field())
                .isEqualTo("timeZone");
    }

    @Test
    void addressesAreNormalised() {
        assertThat(PeopleRules.address(Kind.EMAIL, " a.b+c@mail.example.org ")).isEqualTo("a.b+c@mail.example.org");
        assertThat(PeopleRules.address(Kind.PHONE, "+49 (30) 123-45.67")).isEqualTo("+4930123456" + "7");
        assertThat(PeopleRules.address(Kind.SMS, "+12125550100")).isEqualTo("+12125550100");
        assertThat(PeopleRules.address(Kind.CHAT, " @alice ")).isEqualTo("@alice");
        assertThat(PeopleRules.address(Kind.WEBHOOK, "https://hooks.example.com/T0/B0?x=1"))
                .isEqualTo("https://hooks.example.com/T0/B0?x=1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"alice", "alice@", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com"})
    void badEmails(String email) {
        assertBad(Kind.EMAIL, email, "email address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.com/x",
                "ftp://example.com",
                "https://",
                "hooks.example.com",
                "https://u:p@example.com/x",
                "not a url"
            })
    void webhooksAreHttpsOnly(String url) {
        assertThatThrownBy(() -> PeopleRules.address(Kind.WEBHOOK, url))
                .isInstanceOf(FirebreakException.BadInput.class)
                .hasMessageMatching(".*(https://|URL).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"030 123456", "+0301234567", "+49", "+1234567890123456", "+49 30 abc", ""})
    void phonesAreE164(String number) {
        assertBad(Kind.PHONE, number, "E.164");
        assertBad(Kind.SMS, number, "E.164");
    }

    @Test
    void chatHandlesAreOneWord() {
        assertBad(Kind.CHAT, "  ", "chat handle is empty");
        assertBad(Kind.CHAT, "alice smith", "one word");
    }

    @Test
    void kindsAndNames() {
        assertThat(PeopleRules.kind(" Webhook")).isEqualTo(Kind.WEBHOOK);
        assertThatThrownBy(() -> PeopleRules.kind("pager")).hasMessageContaining("email, chat, webhook, phone, sms");
        assertThat(PeopleRules.name("team", " Platform SRE ")).isEqualTo("Platform SRE");
        assertThat(PeopleRules.name("service", "payments-api:v2")).isEqualTo("payments-api:v2");
        assertThatThrownBy(() -> PeopleRules.name("team", "a/b")).hasMessageContaining("team name 'a/b'");
        assertThatThrownBy(() -> PeopleRules.name("team", "")).hasMessageContaining("a team needs a name");
        assertThatThrownBy(() -> PeopleRules.name("team", "x".repeat(101)))
                .isInstanceOf(FirebreakException.BadInput.class);
        assertThat(PeopleRules.text("label", "  ", 10)).isNull();
        assertThatThrownBy(() -> PeopleRules.text("label", "x".repeat(11), 10)).hasMessageContaining("longer than 10");
    }

    private static void assertBad(Kind kind, String address, String message) {
        assertThatThrownBy(() -> PeopleRules.address(kind, address))
                .isInstanceOf(FirebreakException.BadInput.class)
                .hasMessageContaining(message)
                .extracting(e -> ((FirebreakException) e).field())
                .isEqualTo("address");
    }
}
