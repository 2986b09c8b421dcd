package dev.firebreak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The shared test data beside the project (../shared, or FIREBREAK_SHARED). */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String override = System.getenv("FIREBREAK_SHARED");
        return override != null && !override.isBlank() ? Path.of(override) : Path.of("..", "shared");
    }

    /** The Prometheus Operator runbooks, or the test is skipped with a message saying where to put them. */
    public static Path prometheusCorpus() {
        Path corpus = root().resolve("corpus").resolve("prometheus-operator-runbooks");
        Assumptions.assumeTrue(
                Files.isDirectory(corpus),
                "corpus " + corpus.toAbsolutePath() + " is absent (set FIREBREAK_SHARED to the shared directory);"
                        + " skipping");
        return corpus;
    }

    /** Every alert runbook of the corpus: *.md files except the section indexes (_index.md). */
    public static List<Path> alertRunbooks(Path corpus) {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
