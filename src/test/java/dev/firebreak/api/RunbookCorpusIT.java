package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.RunbookSlug;
import dev.firebreak.runbook.SearchHit;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Prometheus Operator runbooks loaded through the library: each one ranks first for its alert. */
@Tag("database")
class RunbookCorpusIT extends ServerTest {
    @Autowired
    RunbookLibrary library;

    @Autowired
    RunbookSearch search;

    @Test
    void everyAlertFindsItsRunbookFirst() throws Exception {
        Path corpus = SharedData.prometheusCorpus();
        List<Path> files = SharedData.alertRunbooks(corpus);
        for (Path file : files) {
            String slug =
                    "corpus-" + RunbookSlug.fromPath(corpus.relativize(file)).value();
            library.put(slug, file.getFileName().toString(), Files.readAllBytes(file), "test", "import");
        }
        List<String> misses = new ArrayList<>();
        for (Path file : files) {
            String slug =
                    "corpus-" + RunbookSlug.fromPath(corpus.relativize(file)).value();
            String alert = SharedData.stem(file);
            List<SearchHit> byText = search.search(alert, 3);
            List<SearchHit> byAlert = search.forAlert(alert, Map.of("severity", "warning"), Map.of(), 3);
            if (byText.isEmpty() || !byText.get(0).slug().equals(slug)) {
                misses.add("search " + alert + " -> "
                        + byText.stream().map(SearchHit::slug).toList());
            }
            if (byAlert.isEmpty() || !byAlert.get(0).slug().equals(slug)) {
                misses.add("forAlert " + alert + " -> "
                        + byAlert.stream().map(SearchHit::slug).toList());
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(misses).isEmpty();
    }
}
