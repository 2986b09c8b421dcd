package dev.firebreak.runbook.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.HitReason;
import dev.firebreak.runbook.HitReason.Strength;
import dev.firebreak.runbook.MatchedField;
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
        assertThat(hits.get(0).matched()).contains(MatchedField.BODY);
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
    void aNameWrittenAsWordsIsAnAlertNameAndTheHitSaysWhere() {
        index.put(indexed(
                "queues",
                "queues.md",
                "# Operations\n\n## Alerts\n\n1. **HTTP Error Rate:**\n   ```promql\n   rate(errors[5m]) > 1\n   ```\n"
                        + "   - **Action**: Roll back\n\n### Issue: Queue Backlog\n\nScale up.\n"));
        index.put(indexed("other", "other.md", "# Other\n\nThe HTTP error rate and the queue backlog are fine.\n"));

        List<SearchHit> byRule = index.byAlertName("HTTPErrorRate", 5);
        assertThat(byRule).extracting(SearchHit::slug).containsExactly("queues");
        assertThat(byRule.get(0).matched()).containsExactly(MatchedField.ALERT);
        assertThat(byRule.get(0).reason())
                .isEqualTo(new HitReason(Strength.ALERT_NAME, "alert rule \"HTTP Error Rate\" names HTTPErrorRate"));
        assertThat(byRule.get(0).snippet()).contains("HTTP Error Rate");

        List<SearchHit> byHeading = index.search("queue-backlog", 5);
        assertThat(byHeading).extracting(SearchHit::slug).startsWith("queues");
        assertThat(byHeading.get(0).matched()).contains(MatchedField.SECTIONS);
        assertThat(byHeading.get(0).reason().text()).isEqualTo("heading \"Issue: Queue Backlog\" names queue-backlog");
    }

    @Test
    void hitsFoundByTextSayWhichFieldAndWords() {
        index.put(indexed("db", "db.md", "# Database Failover\n\nCheck replication lag first.\n"));
        index.put(indexed("printer", "printer.md", "# Printer jams\n\nThe failover light blinks.\n"));
        List<SearchHit> hits = index.search("failover", 5);
        assertThat(hits).extracting(SearchHit::slug).containsExactly("db", "printer");
        assertThat(hits.get(0).reason())
                .isEqualTo(new HitReason(Strength.TEXT, "title \"Database Failover\" matches failover"));
        assertThat(hits.get(1).matched()).containsExactly(MatchedField.BODY);
        assertThat(hits.get(1).reason().strength()).isEqualTo(Strength.OTHER_TEXT);

        // one word of an alert rule's name is not the name
        index.put(indexed(
                "queues",
                "queues.md",
                "# Operations\n\n1. **Queue Backlog:**\n   ```promql\n   pending > 1000\n   ```\n"
                        + "   - **Action**: Scale up workers\n"));
        SearchHit word = index.search("OrdersPiling backlog", 5).getFirst();
        assertThat(word.slug()).isEqualTo("queues");
        assertThat(word.matched()).contains(MatchedField.ALERT).doesNotContain(MatchedField.TITLE);
        assertThat(word.reason()).isEqualTo(new HitReason(Strength.OTHER_TEXT, "alert names match backlog"));
    }

    @Test
    void aRunbookUrlNamesARunbookBySlugOrFileName() {
        index.put(indexed("004-queue-workers", "004-queue-workers.md", "# Operational Runbook\n\nQueues.\n"));
        index.put(indexed("ops-db", "db-failover.md", "# Database Failover\n\nFail over.\n"));
        List<SearchHit> bySlug = index.byRunbookUrl("https://wiki/x/004-queue-workers.md");
        assertThat(bySlug).extracting(SearchHit::slug).containsExactly("004-queue-workers");
        assertThat(bySlug.get(0).matched()).containsExactly(MatchedField.RUNBOOK_URL);
        assertThat(bySlug.get(0).reason())
                .isEqualTo(new HitReason(Strength.RUNBOOK_URL, "runbook_url names 004-queue-workers"));
        assertThat(index.byRunbookUrl("/runbooks/004-queue-workers"))
                .extracting(SearchHit::slug)
                .containsExactly("004-queue-workers");
        assertThat(index.byRunbookUrl("https://wiki.example/ops/db-failover.md"))
                .extracting(SearchHit::slug)
                .containsExactly("ops-db");
        assertThat(index.byRunbookUrl("https://wiki.example/ops/unknown")).isEmpty();
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
