package dev.firebreak.runbook.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** The prose the risk classifier sees around a block: the lead-in before it, a caution after it. */
class RunbookRiskContextTest {
    private static List<FencedCodeBlock> fences(String markdown) {
        Node doc = Parser.builder().build().parse(markdown);
        return MarkdownTree.all(doc, FencedCodeBlock.class);
    }

    @Test
    void listItemLeadInCounts() {
        FencedCodeBlock fence = fences("4. **Abort stuck evaluation** if needed (USE WITH CAUTION):\n"
                        + "   ```bash\n   redis-cli DEL tasks\n   ```\n")
                .get(0);
        assertThat(CommandBlocks.context(fence)).isEqualTo("Abort stuck evaluation if needed (USE WITH CAUTION):");
    }

    @Test
    void cautionAfterTheBlockCountsButOrdinaryProseDoesNot() {
        List<FencedCodeBlock> fences =
                fences("Run this:\n\n```bash\nrm -rf /data\n```\n\nWARNING: destructive, no undo.\n\n"
                        + "```bash\nls\n```\n\nThen carry on.\n");
        assertThat(CommandBlocks.context(fences.get(0))).isEqualTo("Run this:\nWARNING: destructive, no undo.");
        assertThat(CommandBlocks.context(fences.get(1))).isEqualTo("WARNING: destructive, no undo.");
    }

    @Test
    void aHeadingAfterTheBlockIsNoCaution() {
        FencedCodeBlock fence = fences("Check:\n\n```promql\nup == 0\n```\n\n### Warning Alerts\n")
                .get(0);
        assertThat(CommandBlocks.context(fence)).isEqualTo("Check:");
    }

    @Test
    void blockOpeningAListItemTakesWhatPrecedesTheList() {
        FencedCodeBlock fence = fences("Careful, this wipes the cache:\n\n- ```bash\n  redis-cli FLUSHALL\n  ```\n")
                .get(0);
        assertThat(CommandBlocks.context(fence)).isEqualTo("Careful, this wipes the cache:");
    }
}
