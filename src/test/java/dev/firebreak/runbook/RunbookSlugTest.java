package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.platform.FirebreakException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunbookSlugTest {

    @Test
    void derivesSlugsFromImportedPaths() {
        assertThat(RunbookSlug.fromPath(Path.of("alertmanager", "AlertmanagerFailedReload.md"))
                        .value())
                .isEqualTo("alertmanager-alertmanagerfailedreload");
        assertThat(RunbookSlug.fromPath(Path.of("DB Ops", "fail_over (v2).markdown"))
                        .value())
                .isEqualTo("db-ops-fail-over-v2");
        assertThat(RunbookSlug.fromPath(Path.of("000_2eb0fdaed66d6d32.txt")).value())
                .isEqualTo("000-2eb0fdaed66d6d32");
        assertThat(RunbookSlug.fromPath(Path.of("archive.tar.md")).value()).isEqualTo("archive-tar");
    }

    @Test
    void refusesInvalidAndReservedSlugs() {
        for (String bad :
                new String[] {"", "-a", "a-", "Upper", "under_score", "a/b", "search", "lint", "x".repeat(201)}) {
            assertThatThrownBy(() -> RunbookSlug.of(bad))
                    .as(bad)
                    .isInstanceOf(FirebreakException.BadInput.class)
                    .extracting(e -> ((FirebreakException) e).field())
                    .isEqualTo("slug");
        }
        assertThat(RunbookSlug.of("a").value()).isEqualTo("a");
        assertThat(RunbookSlug.of("db-failover-2").value()).isEqualTo("db-failover-2");
    }

    @Test
    void importsOnlyMarkdownAndText() {
        assertThat(RunbookSlug.importable(Path.of("a.MD"))).isTrue();
        assertThat(RunbookSlug.importable(Path.of("a.markdown"))).isTrue();
        assertThat(RunbookSlug.importable(Path.of("a.txt"))).isTrue();
        assertThat(RunbookSlug.importable(Path.of("a.yaml"))).isFalse();
    }
}
