package dev.firebreak.runbook.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    private static final String RUNBOOK =
            "---\ntitle: Disk Full\n---\n\n# DiskFull\n\n## Meaning\n\nThe disk is full.\n\n```bash\ndf -h\n```\n";

    @Test
    void prefersProseOverHeadingsAndSkipsFrontMatter() {
        assertThat(Snippets.of(RUNBOOK, List.of("disk"))).isEqualTo("The disk is full.");
        assertThat(Snippets.of(RUNBOOK, List.of("diskfull"))).isEqualTo("# DiskFull");
        assertThat(Snippets.of(RUNBOOK, List.of("title"))).isEqualTo("The disk is full.");
    }

    @Test
    void cutsLongLinesAroundTheMatch() {
        String line = "x".repeat(300) + " needle " + "y".repeat(300);
        String snippet = Snippets.of(line, List.of("needle"));
        assertThat(snippet).contains("needle").startsWith("…").endsWith("…");
        assertThat(snippet.length()).isLessThanOrEqualTo(202);
    }
}
