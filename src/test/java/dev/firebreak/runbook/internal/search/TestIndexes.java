package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.runbook.RunbookVersion;
import dev.firebreak.runbook.internal.library.RunbookStore;
import dev.firebreak.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/** Search indexes fed the way IndexRefresh feeds them, without a database, for tests elsewhere. */
public final class TestIndexes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RunbookParser PARSER = new RunbookParser();

    /**
     * The five seed runbooks of the first users (../shared/seeds), under slugs saying what they are
     * about; the test is skipped when the seeds are absent.
     */
    public static final Map<String, String> SEEDS = Map.of(
            "000-miso-triage", "000_2eb0fdaed66d6d32.txt",
            "001-photon-incident-response", "001_8d4f2d1022c3b380.txt",
            "002-counterfactual-lab", "002_e59b4eb987172cd9.txt",
            "003-hsof-operations", "003_3954d519392b4fc5.txt",
            "004-queue-workers", "004_1429f39c99ec3357.txt");

    private TestIndexes() {}

    public static RunbookIndex empty() {
        try {
            return new RunbookIndex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index of the seeds, each stored as {@code <slug>.md} as an import would name it. */
    public static RunbookIndex seeds() {
        Path dir = SharedData.root().resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir), "seeds " + dir.toAbsolutePath() + " are absent; skipping");
        Map<String, String> markdown = new LinkedHashMap<>();
        SEEDS.forEach((slug, file) -> {
            try {
                markdown.put(slug, Files.readString(dir.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        RunbookIndex index = empty();
        markdown.forEach((slug, text) -> put(index, slug, slug + ".md", text));
        return index;
    }

    public static void put(RunbookIndex index, String slug, String fileName, String markdown) {
        index.put(indexed(slug, fileName, markdown));
    }

    static IndexedRunbook indexed(String slug, String fileName, String markdown) {
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        String model = JSON.writeValueAsString(PARSER.parse(fileName, bytes, null));
        var version = new RunbookVersion(slug, 1, "hash", "test", "api", Instant.EPOCH);
        return IndexedRunbook.of(new RunbookStore.Stored(version, fileName, null, null, markdown, model, "1@0"), JSON);
    }
}
