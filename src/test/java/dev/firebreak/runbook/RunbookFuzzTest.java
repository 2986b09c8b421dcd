package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random Markdown-ish text (headings, lists, quotes, fences, tables, links, box trees, mojibake,
 * front matter, raw bytes) never makes the parser fail with anything but
 * UnreadableRunbookException, and never takes long.
 */
class RunbookFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PIECES = List.of(
            "# ",
            "## ",
            "### Symptoms\n",
            "#### ",
            "\n",
            "\n\n",
            "- ",
            "  - ",
            "1. ",
            "   ",
            "> ",
            ">>> ",
            "```",
            "```bash\n",
            "```promql\n",
            "~~~\n",
            "| Severity | Response Time | Escalation Path |\n",
            "|---|---|---|\n",
            "| P0 | 5 min | a -> b → c |\n",
            "| a |",
            "[x](#y)",
            "[",
            "](",
            ")",
            "<http://a.b>",
            "https://x.y/z ",
            "**Symptoms:**\n",
            "**Resolution Time:** < 1 hour\n",
            "**Owner**: ",
            "**Last Updated**: 2024-02-30\n",
            "├── ",
            "│   └── ",
            "→",
            "â†’",
            "ðŸš¨",
            "Ã",
            "---\n",
            "title: t\n",
            "*",
            "_",
            "`",
            "\\",
            "&amp;",
            "<div>",
            "\t",
            "\r\n",
            "text ",
            "SEV-1 (Critical)",
            "- **Action**: restart\n",
            "kubectl delete pod x\n",
            "\u0000",
            "\uFFFF");

    @Provide
    Arbitrary<String> markdownish() {
        return Arbitraries.of(PIECES).list().ofMaxSize(200).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 1_000)
    void markdownishTextParsesOrIsRefused(@ForAll("markdownish") String text) {
        parsesOrIsRefused(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void arbitraryBytesParseOrAreRefused(@ForAll @Size(max = 2_000) byte[] bytes) {
        parsesOrIsRefused(bytes);
    }

    @Property(tries = 200)
    void arbitraryUnicodeParsesOrIsRefused(@ForAll @Size(max = 2_000) String text) {
        parsesOrIsRefused(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void parsesOrIsRefused(byte[] content) {
        long started = System.nanoTime();
        try {
            RunbookModel model = RunbookTestFiles.PARSER.parse("fuzz.md", content, null);
            assertThat(model.title()).isNotNull();
            assertThat(JSON.writeValueAsString(model)).startsWith("{");
            assertThat(model.commands()).isNotNull();
            RunbookModel.Metadata m = model.metadata();
            assertThat(m.lastUpdated() == null || m.lastUpdated().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .isTrue();
        } catch (UnreadableRunbookException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.md: ");
        }
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
