package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.firebreak.runbook.internal.parse.RunbookSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad and hostile input: refused with a clear message, or parsed to a bounded result in seconds. */
class RunbookLimitsTest {
    /** Catches blowups (minutes), not slowness: loose enough for a loaded 2-core CI machine. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static RunbookModel parse(String markdown) {
        return assertTimeoutPreemptively(BOUND, () -> RunbookTestFiles.parseText(markdown));
    }

    private static void refused(byte[] content, String message) {
        assertThatThrownBy(() -> RunbookTestFiles.PARSER.parse("bad.md", content, null))
                .isInstanceOf(UnreadableRunbookException.class)
                .hasMessageContaining("bad.md")
                .hasMessageContaining(message);
    }

    @Test
    void emptyAndBlankFilesAreRefused() {
        refused(new byte[0], "empty");
        refused("  \n\n\t\n".getBytes(StandardCharsets.UTF_8), "empty");
    }

    @Test
    void binaryContentIsRefused() {
        refused(new byte[] {'#', ' ', 'a', 0, 'b'}, "binary");
    }

    @Test
    void invalidUtf8IsRefused() {
        refused(new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28}, "not UTF-8");
        refused("# Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "not UTF-8");
    }

    @Test
    void filesOverTheSizeLimitAreRefused(@TempDir Path dir) throws Exception {
        byte[] big = new byte[RunbookSource.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        refused(big, "too large");
        Path file = dir.resolve("big.md");
        Files.write(file, big);
        assertThatThrownBy(() -> RunbookTestFiles.PARSER.parse(file))
                .isInstanceOf(UnreadableRunbookException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void missingFilesAndDirectoriesAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> RunbookTestFiles.PARSER.parse(dir.resolve("nope.md")))
                .isInstanceOf(UnreadableRunbookException.class)
                .hasMessageContaining("cannot read: no such file");
        assertThatThrownBy(() -> RunbookTestFiles.PARSER.parse(dir))
                .isInstanceOf(UnreadableRunbookException.class)
                .hasMessageContaining("directory");
    }

    @Test
    void byteOrderMarkIsIgnored() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'T'};
        assertThat(RunbookTestFiles.PARSER.parse("bom.md", bom, null).title()).isEqualTo("T");
    }

    @Test
    void tenThousandNestedListLevels() {
        RunbookModel model = parse("# Deep\n\n" + "- ".repeat(10_000) + "x\n");
        assertThat(model.title()).isEqualTo("Deep");
        RunbookModel ordered = parse("## Tree\n\n" + "1. ".repeat(10_000) + "x\n");
        assertThat(ordered.sections()).hasSize(1);
    }

    @Test
    void deepIndentedListUnderADecisionTreeHeading() {
        StringBuilder md = new StringBuilder("# T\n## Decision Tree\n");
        for (int i = 0; i < 2_000; i++) {
            md.append("  ".repeat(i)).append("- [step ").append(i).append("](#t)\n");
        }
        RunbookModel model = parse(md.toString());
        assertThat(model.decisionTrees()).hasSize(1);
    }

    @Test
    void tenThousandNestedBlockQuotes() {
        RunbookModel model =
                parse("# Q\n\n" + ">".repeat(10_000) + " deep\n\n" + "> ".repeat(10_000) + "```bash\nls\n```\n");
        assertThat(model.title()).isEqualTo("Q");
    }

    @Test
    void tenThousandColumnTable() {
        String header = "| Severity | Escalation Path |" + " h |".repeat(10_000) + "\n";
        String rule = "|---|---|" + "---|".repeat(10_000) + "\n";
        String row = "| P0 | a -> b |" + " c |".repeat(10_000) + "\n";
        RunbookModel model = parse("# Wide\n\n" + header + rule + row);
        assertThat(model.escalationMatrix()).hasSize(1);
        assertThat(model.escalationMatrix().get(0).path()).containsExactly("a", "b");
    }

    @Test
    void deeplyNestedInlines() {
        RunbookModel model = parse("# I\n\n" + "*".repeat(30_000) + "x" + "*".repeat(30_000) + "\n\n"
                + "[".repeat(30_000) + "x" + "](#i)".repeat(30_000) + "\n\n" + "![a".repeat(10_000) + "\n");
        assertThat(model.title()).isEqualTo("I");
    }

    @Test
    void deepBoxDrawnTreeIsCapped() {
        StringBuilder md = new StringBuilder("# T\n```\nroot\n");
        for (int i = 0; i < 10_000; i++) {
            md.append(" ".repeat(i % 500)).append("├── n\n");
        }
        RunbookModel model = parse(md.append("```\n").toString());
        assertThat(model.decisionTrees()).hasSize(1);
        int depth = 0;
        for (RunbookModel.Node n = model.decisionTrees().get(0).root();
                !n.children().isEmpty();
                n = n.children().get(0)) {
            depth++;
        }
        assertThat(depth).isLessThan(100);
    }

    @Test
    void manyHeadingsAndLinks() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            md.append("## Same\n[x](#same-").append(i).append(")\n");
        }
        RunbookModel model = parse(md.toString());
        assertThat(model.links()).hasSize(20_000);
        assertThat(model.findings())
                .filteredOn(f -> f.rule().equals("broken-anchor"))
                .hasSize(1);
    }
}
