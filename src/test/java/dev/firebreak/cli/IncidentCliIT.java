package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code firebreak incident ...} run in-process against the test server. */
@Tag("database")
class IncidentCliIT extends ServerTest {

    @Autowired
    Incidents incidents;

    record Run(int code, String out, String err) {}

    @Test
    void listShowAckNoteResolve() {
        String token = tokenFor(Role.RESPONDER);
        String key = AlertGroups.key();
        alertGroups()
                .fire(AlertGroups.group(
                        key, "critical", null, List.of(AlertGroups.alert("CliDiskFull", Map.of(), clock.instant()))));
        long id =
                incidents.list(new IncidentQuery(null, null, key, 1)).getFirst().id();

        Run list = cli(token, "incident", "list", "--state", "open");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("(?m)^" + id + " +triggered +P1 +CliDiskFull is firing$");
        Run json = cli(token, "incident", "list", "--format", "json");
        assertThat(json.out()).startsWith("[").contains("\"id\":" + id);

        assertThat(cli(token, "incident", "ack", String.valueOf(id)).out()).contains("acknowledged by responder-");
        assertThat(cli(token, "incident", "note", String.valueOf(id), "rolled", "back")
                        .code())
                .isZero();
        Run show = cli(token, "incident", "show", String.valueOf(id));
        assertThat(show.code()).isZero();
        assertThat(show.out())
                .contains("state:     acknowledged", "P1 Critical", "note  responder-")
                .contains("rolled back");
        assertThat(cli(token, "incident", "resolve", String.valueOf(id)).code()).isZero();

        Run again = cli(token, "incident", "ack", String.valueOf(id));
        assertThat(again.code()).isNotZero();
        assertThat(again.err().strip()).contains("resolved").doesNotContain("\n");
        Run missing = cli(token, "incident", "show", "999999999");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err().strip()).contains("no incident 999999999").doesNotContain("\n");
        assertThat(cli(token, "incident", "list", "--format", "yaml").code()).isNotZero();
        Run viewer = cli(tokenFor(Role.VIEWER), "incident", "resolve", String.valueOf(id));
        assertThat(viewer.code()).isNotZero();
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
