package dev.firebreak.runbook.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.runbook.RunbookSlug;
import dev.firebreak.runbook.RunbookVersion;
import dev.firebreak.runbook.SearchHit;
import dev.firebreak.runbook.internal.library.RunbookStore;
import dev.firebreak.support.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The index on its own, fed the way IndexRefresh feeds it, without a database. */
class RunbookIndexTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final RunbookParser parser = new RunbookParser();
    private RunbookIndex index;

    @BeforeEach
    void open() throws Exception {
        index = new RunbookIndex();
    }

    @AfterEach
    void close() throws Exception {
        index.destroy();
    }

    @Test
    void everyCorpusRunbookRanksFirstForItsAlertName() throws Exception {
        Path corpus = SharedData.prometheusCorpus();
        List<Path> files = SharedData.alertRunbooks(corpus);
        List<IndexedRunbook> runbooks = new ArrayList<>();
        for (Path file : files) {
            runbooks.add(indexed(RunbookSlug.fromPath(corpus.relativize(file)).value(), file));
        }
        index.replaceAll(runbooks);
        List<String> misses = new ArrayList<>();
        for (Path file : files) {
            String slug = RunbookSlug.fromPath(corpus.relativize(file)).value();
            List<SearchHit> hits = index.search(SharedData.stem(file), 5);
            if (hits.isEmpty() || !hits.get(0).slug().equals(slug)) {
                misses.add(SharedData.stem(file) + " -> "
                        + hits.stream().map(SearchHit::slug).toList());
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(misses).isEmpty();
    }

    @Test
    void findsWordsInsideCamelCaseNamesAndReportsWhere() throws Exception {
        index.put(indexed("kube-pod-crash", "KubePodCrashLooping.md", "# KubePodCrashLooping\n\nPod is restarting.\n"));
        index.put(indexed("disk", "disk.md", "# Disk full\n\nThe disk is full; crash soon.\n"));
        List<SearchHit> hits = index.search("crash looping", 10);
        assertThat(hits).extracting(SearchHit::slug).startsWith("kube-pod-crash");
        assertThat(hits.get(0).matched()).contains("body");
        assertThat(index.byAlertName("kubepodcrashlooping", 5))
                .extracting(SearchHit::slug)
                .containsExactly("kube-pod-crash");
        assertThat(index.byRunbookUrl("https://runbooks.example/kubernetes/kubepodcrashlooping/"))
                .extracting(SearchHit::slug)
                .containsExactly("kube-pod-crash");
        index.remove("kube-pod-crash");
        assertThat(index.search("KubePodCrashLooping", 10))
                .extracting(SearchHit::slug)
                .doesNotContain("kube-pod-crash");
    }

    @Test
    void queryWithLuceneSyntaxErrorsStillSearches() throws Exception {
        index.put(indexed("oom", "oom.md", "# OOMKilled\n\nContainer was OOM killed (exit 137).\n"));
        assertThat(index.search("exit 137) [", 5)).extracting(SearchHit::slug).containsExactly("oom");
    }

    private IndexedRunbook indexed(String slug, Path file) throws Exception {
        return indexed(slug, file.getFileName().toString(), Files.readString(file));
    }

    private IndexedRunbook indexed(String slug, String fileName, String markdown) {
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        String model = json.writeValueAsString(parser.parse(fileName, bytes, null));
        var version = new RunbookVersion(slug, 1, "hash", "test", "api", Instant.EPOCH);
        return IndexedRunbook.of(new RunbookStore.Stored(version, fileName, null, null, markdown, model, "1@0"), json);
    }
}
