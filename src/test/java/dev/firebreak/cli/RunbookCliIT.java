package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI's REST commands, run in-process against the test server. */
@Tag("database")
class RunbookCliIT extends ServerTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    @Test
    void importReportsEachFileAndContinuesAfterErrors() throws Exception {
        String token = tokenFor(Role.RESPONDER);
        String alert = "CliQueueBacklog" + UUID.randomUUID().toString().substring(0, 6);
        Path root = dir.resolve("rb-" + UUID.randomUUID().toString().substring(0, 6));
        Files.createDirectories(root.resolve("queues"));
        Files.writeString(root.resolve("queues").resolve(alert + ".md"), "# " + alert + "\n\nDrain the queue.\n");
        Files.write(root.resolve("broken.md"), new byte[] {0x00, 0x01, (byte) 0xff});
        Files.writeString(root.resolve("zz-notes.txt"), "# Notes\n\nqueue depth is in Grafana\n");
        Files.writeString(root.resolve("image.png"), "not imported");
        String prefix = root.getFileName().toString();

        Run first = cli(token, "runbook", "import", root.toString());
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.out())
                .containsPattern("error +broken\\.md: .+")
                .containsPattern("created +queues/" + alert + "\\.md -> queues-" + alert.toLowerCase() + " v1")
                .containsPattern("created +zz-notes\\.txt -> zz-notes v1")
                .doesNotContain("image.png")
                .contains("2 created, 0 updated, 0 unchanged, 1 errors");
        assertThat(prefix).isNotBlank();

        Files.delete(root.resolve("broken.md"));
        Files.writeString(root.resolve("zz-notes.txt"), "# Notes\n\nqueue depth is on the dashboard\n");
        Run second = cli(token, "runbook", "import", root.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out())
                .containsPattern("unchanged +queues/" + alert + "\\.md")
                .containsPattern("updated +zz-notes\\.txt -> zz-notes v2");

        Run search = cli(token, "runbook", "search", alert);
        assertThat(search.code()).isZero();
        assertThat(search.out().lines().findFirst().orElse("")).startsWith("queues-" + alert.toLowerCase());

        Run json = cli(token, "runbook", "search", "drain", "--alert", alert, "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode hits = JsonMapper.builder().build().readTree(json.out());
        assertThat(hits.get(0).get("slug").asString()).isEqualTo("queues-" + alert.toLowerCase());
    }

    @Test
    void errorsAreOneLineOnStderr() {
        Run refused = run("runbook", "search", "x", "--server", "http://127.0.0.1:1", "--token", "fbk_x");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("firebreak: cannot connect to http://127.0.0.1:1");
        assertThat(refused.err().strip().lines()).hasSize(1);

        Run badToken = run("runbook", "search", "x", "--server", "http://127.0.0.1:" + port, "--token", "fbk_wrong");
        assertThat(badToken.code()).isEqualTo(1);
        assertThat(badToken.err().strip()).isEqualTo("firebreak: the API token is unknown, expired or revoked");

        Run viewer = cli(tokenFor(Role.VIEWER), "runbook", "import", writeOne().toString());
        assertThat(viewer.code()).isEqualTo(1);
        assertThat(viewer.out()).contains("your role does not allow this action");
    }

    private Path writeOne() {
        try {
            Path file = dir.resolve("one.md");
            Files.writeString(file, "# One\n");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Run cli(String token, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = "http://127.0.0.1:" + port;
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        return run(all);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FirebreakCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
