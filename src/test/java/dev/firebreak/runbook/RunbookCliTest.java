package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.cli.FirebreakCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code runbook parse} and {@code runbook lint}, run in-process: output, formats and exit codes. */
class RunbookCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FirebreakCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void parsePrintsOneJsonObjectWithEveryKeyAndNulls(@TempDir Path dir) throws Exception {
        Path file = write(dir, "a.md", "# Alpha 🚨\n\n```bash\nls\n```\n");
        Run run = run("runbook", "parse", file.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode model = JSON.readTree(run.out());
        assertThat(model.get("title").asString()).isEqualTo("Alpha 🚨");
        assertThat(model.propertyNames())
                .containsExactly(
                        "title",
                        "metadata",
                        "sections",
                        "procedures",
                        "severityLevels",
                        "escalationMatrix",
                        "classifications",
                        "contacts",
                        "decisionTrees",
                        "alertRules",
                        "templates",
                        "commands",
                        "links",
                        "findings");
        assertThat(model.get("metadata").get("owner").isNull()).isTrue();
        assertThat(run.out().lines().count()).isEqualTo(1);
    }

    @Test
    void unreadableSingleFileExitsTwoWithNothingOnStdout(@TempDir Path dir) throws Exception {
        Path empty = write(dir, "empty.md", "");
        Run run = run("runbook", "parse", empty.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("empty.md").contains("empty");
        assertThat(run("runbook", "parse", dir.resolve("missing.md").toString()).exit())
                .isEqualTo(2);
    }

    @Test
    void jsonlWalksDirectoriesInSortedOrderAndReportsUnreadableFiles(@TempDir Path dir) throws Exception {
        write(dir, "b/two.md", "# Two\n");
        write(dir, "a/one.markdown", "# One\n");
        write(dir, "a/bad.txt", "");
        write(dir, "a/ignored.json", "{}");
        Path single = write(dir, "z.md", "# Z\n");
        Run run = run(
                "runbook",
                "parse",
                dir.resolve("a").toString(),
                dir.resolve("b").toString(),
                single.toString(),
                "--format",
                "jsonl");
        assertThat(run.exit()).isEqualTo(2);
        List<JsonNode> lines = run.out().lines().map(JSON::readTree).toList();
        assertThat(lines)
                .extracting(l -> l.get("source").asString())
                .containsExactly(
                        dir.resolve("a/bad.txt").toString(),
                        dir.resolve("a/one.markdown").toString(),
                        dir.resolve("b/two.md").toString(),
                        single.toString());
        assertThat(lines.get(0).get("error").asString()).contains("empty");
        assertThat(lines.get(1).get("title").asString()).isEqualTo("One");
        assertThat(lines.get(1).propertyNames().iterator().next()).isEqualTo("source");
    }

    @Test
    void jsonOnADirectoryOrSeveralFilesIsAnArrayOfModelsWithSources(@TempDir Path dir) throws Exception {
        Path one = write(dir, "d/one.md", "# One\n");
        Path two = write(dir, "d/two.md", "# Two\n");
        Run run = run("runbook", "parse", dir.resolve("d").toString());
        assertThat(run.exit()).isZero();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).get("source").asString()).isEqualTo(one.toString());
        assertThat(array.get(1).get("title").asString()).isEqualTo("Two");
        assertThat(JSON.readTree(run("runbook", "parse", one.toString(), two.toString())
                                .out())
                        .size())
                .isEqualTo(2);
    }

    @Test
    void lintPrintsFindingsAndExitsOneOnErrors(@TempDir Path dir) throws Exception {
        Path file = write(dir, "r.md", "# R\n\n[gone](#nowhere)\n\n[file](missing.md)\n");
        Run text = run("runbook", "lint", file.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out().lines())
                .containsExactly(
                        file + ":3: error broken-anchor: link 'gone' points at #nowhere, which no heading has",
                        file + ":5: error missing-file: link 'file' points at missing.md, which does not exist");
        Run github = run("runbook", "lint", file.toString(), "--format", "github");
        assertThat(github.out().lines().findFirst().orElseThrow())
                .startsWith("::error file=" + file + ",line=3,title=broken-anchor::link 'gone'");
        Run json = run("runbook", "lint", file.toString(), "--format", "json");
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("rule").asString()).isEqualTo("broken-anchor");
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void lintListsTemplatePlaceholdersNothingFills_asWarnings(@TempDir Path dir) throws Exception {
        Path file = write(
                dir,
                "r.md",
                "# R\n\n## Communication Templates\n\n### Initial\n```\nSeverity: [SEV-X]\nETA: [If known]\n```\n");
        Run text = run("runbook", "lint", file.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines())
                .containsExactly(file + ":8: warning template-placeholder: initial template 'Initial': [If known]"
                        + " matches no incident field; messages show it as written");
        // The model keeps the parser's findings only (the spec's contract).
        assertThat(run("runbook", "parse", file.toString()).out()).doesNotContain("template-placeholder");
    }

    @Test
    void lintExitsZeroOnWarningsAndTwoOnUnreadable(@TempDir Path dir) throws Exception {
        Path ok = write(dir, "ok.md", "# OK\n\n**Last Updated**: soon\n");
        Run run = run("runbook", "lint", ok.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("warning last-updated-invalid");
        Path bad = write(dir, "bad.md", "\u0000");
        Run both = run("runbook", "lint", ok.toString(), bad.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("bad.md").contains("binary");
    }
}
