package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code firebreak user|team|service ...} run in-process against the test server. */
@Tag("database")
class PeopleCliIT extends ServerTest {
    @Autowired
    People people;

    record Run(int code, String out, String err) {}

    @Test
    void userZoneAndContactMethods() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount user = accounts.create(name, "password-" + name, Role.VIEWER, null, null);
        String token = tokens.create(user.id(), "cli", null).secret();

        assertThat(cli(token, "user", "set", "--zone", "Asia/Tokyo").out()).contains("time zone: Asia/Tokyo");
        Run badZone = cli(token, "user", "set", "--zone", "Tokyo");
        assertThat(badZone.code()).isNotZero();
        assertThat(badZone.err().strip())
                .isEqualTo("firebreak: unknown time zone 'Tokyo': use an IANA name such as Europe/Berlin or UTC");

        Run added = cli(token, "user", "contact", "add", "--email", name + "@example.com", "--label", "work");
        assertThat(added.code()).isZero();
        long id = Long.parseLong(added.out().strip());
        Run badEmail = cli(token, "user", "contact", "add", "--email", "nope");
        assertThat(badEmail.code()).isNotZero();
        assertThat(badEmail.err().strip()).contains("not an email address").doesNotContain("\n");
        assertThat(cli(token, "user", "contact", "add", "--email", "a@b.c", "--sms", "+4930123456")
                        .code())
                .isNotZero();

        Run show = cli(token, "user", "show");
        assertThat(show.out()).contains("username:  " + name, "time zone: Asia/Tokyo", name + "@example.com  (work)");
        assertThat(cli(token, "user", "list").out()).containsPattern("(?m)^" + name + " +viewer +yes +Asia/Tokyo +1$");
        assertThat(cli(token, "user", "contact", "remove", String.valueOf(id)).out())
                .contains("removed " + id);
        assertThat(people.contactMethods(name)).isEmpty();
        assertThat(cli(token, "user", "set").code()).isEqualTo(2);
    }

    @Test
    void teamsAndServices() {
        String admin = tokenFor(Role.ADMIN);
        String member = "m-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(member, "password-" + member, Role.RESPONDER, null, null);
        String team = "cli-team-" + UUID.randomUUID().toString().substring(0, 6);

        assertThat(cli(admin, "team", "create", team, "--description", "from the cli")
                        .out())
                .contains("created team " + team);
        Run again = cli(admin, "team", "create", team);
        assertThat(again.code()).isNotZero();
        assertThat(again.err().strip()).isEqualTo("firebreak: team '" + team + "' already exists");
        assertThat(cli(admin, "team", "add-member", team, member, "--role", "manager")
                        .code())
                .isZero();
        Run ghost = cli(admin, "team", "add-member", team, "ghost-" + UUID.randomUUID());
        assertThat(ghost.code()).isNotZero();
        assertThat(ghost.err()).contains("no user 'ghost-");

        String service = "cli-svc-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(cli(admin, "service", "create", service, "--team", team, "--policy", "p1")
                        .code())
                .isZero();
        assertThat(cli(admin, "service", "list").out()).containsPattern("(?m)^" + service + " +" + team + " +p1 *$");
        assertThat(cli(admin, "team", "list").out()).containsPattern("(?m)^" + team + " +1 +1 +from the cli$");
        assertThat(cli(admin, "team", "show", team).out())
                .contains("  " + member + " (manager)", "services:    " + service);
        assertThat(cli(admin, "team", "remove-member", team, member).code()).isZero();
        assertThat(cli(tokenFor(Role.RESPONDER), "team", "create", "x" + team).err())
                .contains("your role does not allow this action");
    }

    private Run cli(String token, String... args) {
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
}
