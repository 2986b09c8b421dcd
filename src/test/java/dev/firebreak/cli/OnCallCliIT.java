package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firebreak oncall ...} and {@code firebreak schedule ...} run in-process against the test server. */
@Tag("database")
class OnCallCliIT extends ServerTest {
    record Run(int code, String out, String err) {}

    @TempDir
    Path dir;

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void applyWhoShiftsOverrideAndFeed() throws Exception {
        String token = tokenFor(Role.RESPONDER);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        accounts.create(alice, "password-123456", Role.RESPONDER, null, null);
        accounts.create(bob, "password-123456", Role.RESPONDER, null, null);
        String name = "cli-" + suffix;
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, """
                {"name":"%s","zone":"UTC","layers":[{"name":"weekly","start":"2026-01-05T09:00",
                "rotation":{"kind":"weekly"},"members":["%s","%s"]}]}""".formatted(name, alice, bob));

        assertThat(cli(token, "schedule", "apply", file.toString()).out()).contains("created " + name);
        assertThat(cli(token, "schedule", "apply", file.toString()).out()).contains("updated " + name);
        assertThat(cli(token, "schedule", "list").out()).containsPattern("(?m)^" + name + " +UTC +- +1$");
        assertThat(cli(token, "schedule", "show", name).out()).contains("\"kind\" : \"weekly\"");

        Run who = cli(token, "oncall", "who", "--schedule", name, "--at", "2026-01-13T10:00:00Z");
        assertThat(who.code()).as(who.err()).isZero();
        assertThat(who.out()).containsPattern("(?m)^" + name + " +" + bob + " +2026-01-19T09:00:00Z$");

        clock.set(Instant.parse("2026-01-06T00:00:00Z"));
        assertThat(cli(token, "oncall", "who", "--schedule", name).out())
                .containsPattern("(?m)^" + name + " +" + alice + " +2026-01-12T09:00:00Z$");

        Run added = cli(
                token,
                "schedule",
                "override",
                "add",
                name,
                bob,
                "--start",
                "2026-01-07T10:00:00Z",
                "--end",
                "2026-01-07T12:00:00Z");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(cli(token, "oncall", "who", "--schedule", name, "--at", "2026-01-07T11:00:00Z")
                        .out())
                .containsPattern("(?m)^" + name + " +" + bob + " +2026-01-07T12:00:00Z$");
        Run shifts = cli(
                token,
                "oncall",
                "shifts",
                "--from",
                "2026-01-05T00:00:00Z",
                "--to",
                "2026-01-20T00:00:00Z",
                "--user",
                bob,
                "--schedule",
                name);
        assertThat(shifts.out()).contains("2026-01-07T10:00:00Z", "override", "2026-01-12T09:00:00Z");

        Run feed = cli(token, "schedule", "feed", "create", name);
        assertThat(feed.out().strip()).matches("http://127\\.0\\.0\\.1:\\d+/calendar/fbcal_[A-Za-z0-9_-]+\\.ics");

        Run badTime = cli(token, "oncall", "who", "--at", "noon");
        assertThat(badTime.code()).isNotZero();
        assertThat(badTime.err().strip()).contains("at is not an ISO-8601 time").doesNotContain("\n");
        Run missing = cli(token, "oncall", "who", "--schedule", "no-such-" + suffix);
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err().strip()).contains("no schedule").doesNotContain("\n");
        Files.writeString(file, "{\"name\":\"" + name + "\",\"zone\":\"Mars/Olympus\",\"layers\":[]}");
        Run badZone = cli(token, "schedule", "apply", file.toString());
        assertThat(badZone.code()).isNotZero();
        assertThat(badZone.err()).contains("unknown time zone");
    }

    @Test
    void policyApplyListShowAndDelete() throws Exception {
        String token = tokenFor(Role.ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String alice = "alice-" + suffix;
        accounts.create(alice, "password-123456", Role.RESPONDER, null, null);
        String name = "cli-policy-" + suffix;
        Path file = dir.resolve("policy.json");
        Files.writeString(file, """
                {"name":"%s","tiers":[{"steps":[{"delay":"5m","targets":[{"kind":"user","name":"%s"}]}]}]}""".formatted(name, alice));

        Run applied = cli(token, "policy", "apply", file.toString());
        assertThat(applied.code()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied " + name + " (version 1)");
        assertThat(cli(token, "policy", "apply", file.toString()).out()).contains("applied " + name + " (version 2)");
        assertThat(cli(token, "policy", "list").out()).containsPattern("(?m)^" + name + " +2 +1 ");
        assertThat(cli(token, "policy", "show", name).out()).contains("\"name\" : \"" + alice + "\"");
        assertThat(cli(token, "policy", "delete", name).out()).contains("deleted " + name);
        Run gone = cli(token, "policy", "show", name);
        assertThat(gone.code()).isNotZero();
        assertThat(gone.err().strip()).doesNotContain("\n");
    }

    @Test
    void applyRefusesABadFileInOneLineAndSendsNothing() throws Exception {
        String token = tokenFor(Role.ADMIN);
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "name: yaml-instead");
        Path nameless = dir.resolve("nameless.json");
        Files.writeString(nameless, "{\"zone\":\"UTC\",\"layers\":[]}");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[{\"name\":\"x\"}]");
        for (String kind : new String[] {"schedule", "policy"}) {
            for (var bad : java.util.Map.of(
                            dir.resolve("absent.json"),
                            "cannot read",
                            notJson,
                            "is not JSON",
                            nameless,
                            "needs a \"name\"",
                            array,
                            "needs a \"name\"")
                    .entrySet()) {
                Run run = cli(token, kind, "apply", bad.getKey().toString());
                assertThat(run.code()).as(kind + " " + bad.getKey()).isEqualTo(2);
                assertThat(run.err().strip()).contains(bad.getValue()).doesNotContain("\n");
            }
        }
        assertThat(cli(token, "schedule", "list").out()).doesNotContain("yaml-instead");
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
