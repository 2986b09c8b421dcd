package dev.firebreak.runbook;

import dev.firebreak.runbook.internal.parse.RunbookReader;
import dev.firebreak.runbook.internal.parse.RunbookSource;
import dev.firebreak.runbook.internal.risk.CommandRiskClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parses Markdown runbooks into {@link RunbookModel}. Thread-safe and free of Spring, so the CLI
 * can parse without starting a context.
 *
 * <p>Limits: files over {@value RunbookSource#MAX_BYTES} bytes, empty files, binary content (NUL
 * bytes) and invalid UTF-8 are refused with {@link UnreadableRunbookException}. Lists and block
 * quotes nested deeper than {@value RunbookMarkdown#MAX_NESTING} levels are read as text, and each
 * parse runs on a thread with a large stack, so hostile input gives a bounded result, never a
 * {@link StackOverflowError}.
 */
public final class RunbookParser {
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private final RunbookReader reader;

    public RunbookParser() {
        this(Clock.systemUTC(), new CommandRiskClassifier());
    }

    /** A parser whose "stale" findings count from the given clock's today. */
    public RunbookParser(Clock clock) {
        this(clock, new CommandRiskClassifier());
    }

    public RunbookParser(Clock clock, CommandRiskClassifier classifier) {
        this.reader = new RunbookReader(clock, classifier);
    }

    /** Parses a file; relative links resolve against the file's directory. */
    public RunbookModel parse(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableRunbookException(file + ": is a directory");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(RunbookSource.MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new UnreadableRunbookException(file + ": cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableRunbookException(file + ": cannot read: permission denied");
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
        RunbookSource source = RunbookSource.read(name, content);
        return onLargeStack(name, () -> reader.read(name, source, baseDir));
    }

    /**
     * Runs {@code work} (a parse or a walk of its tree) on a thread with a large stack: commonmark
     * recurses, and a hostile document overflows an ordinary stack in the parser itself.
     */
    static <T> T onLargeStack(String name, java.util.function.Supplier<T> work) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread worker = new Thread(
                null,
                () -> {
                    try {
                        result.set(work.get());
                    } catch (StackOverflowError e) {
                        result.set(new UnreadableRunbookException(name + ": nested too deeply to read"));
                    } catch (RuntimeException e) {
                        result.set(e);
                    }
                },
                "runbook-parse",
                STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableRunbookException(name + ": parsing interrupted");
        }
        Object value = result.get();
        if (value instanceof RuntimeException e) {
            throw e;
        }
        if (value == null) {
            throw new UnreadableRunbookException(name + ": could not be parsed");
        }
        @SuppressWarnings("unchecked")
        T done = (T) value;
        return done;
    }
}
