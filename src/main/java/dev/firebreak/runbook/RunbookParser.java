package dev.firebreak.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Parses Markdown runbooks into {@link RunbookModel}. Thread-safe and free of Spring, so the CLI
 * can parse without starting a context. Stub: the real parser replaces these bodies.
 */
public final class RunbookParser {

    /** Parses a file; relative links resolve against the file's directory. */
    public RunbookModel parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableRunbookException(file + ": cannot read: " + e.getMessage());
        }
        Path parent = file.toAbsolutePath().getParent();
        return parse(file.getFileName().toString(), bytes, parent);
    }

    /**
     * Parses content.
     *
     * @param name the file name, used as the title when the document has none
     * @param content the raw bytes (must be UTF-8 text)
     * @param baseDir where relative links resolve, or null when there is no file system beside the
     *     document (then relative links have {@code resolved: null} and raise no finding)
     * @throws UnreadableRunbookException when the content is empty, binary, not UTF-8 or too large
     */
    public RunbookModel parse(String name, byte[] content, Path baseDir) {
        return new RunbookModel(
                name,
                new RunbookModel.Metadata(null, null, null, null, Map.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
