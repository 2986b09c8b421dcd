package dev.firebreak.cli;

import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.runbook.UnreadableRunbookException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runbook files named on a command line (directories walked for *.md, *.markdown and *.txt in
 * sorted path order), parsed in parallel with results kept in that order.
 */
final class RunbookFiles {
    /** One file's outcome: its model, or why it could not be read. */
    record Parsed(String source, RunbookModel model, String error) {}

    private RunbookFiles() {}

    /** The files a list of paths stands for; a path that is neither file nor directory stays as given. */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(RunbookFiles::runbookName)
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static boolean runbookName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
    }

    /**
     * Parses files on all cores and hands each result to the consumer in the order of the files, as
     * soon as it and those before it are done. At most a few files per core are parsed ahead, so
     * memory stays bounded however many files there are.
     */
    static void parseAll(RunbookParser parser, List<Path> files, Consumer<Parsed> consumer) {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        int window = threads * 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Deque<Future<Parsed>> pending = new ArrayDeque<>();
            for (Path file : files) {
                pending.add(pool.submit(() -> parseOne(parser, file)));
                if (pending.size() >= window) {
                    consumer.accept(pending.poll().get());
                }
            }
            while (!pending.isEmpty()) {
                consumer.accept(pending.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 2);
        } catch (ExecutionException e) {
            throw new CliException(String.valueOf(e.getCause()), 1);
        } finally {
            pool.shutdownNow();
        }
    }

    static Parsed parseOne(RunbookParser parser, Path file) {
        try {
            return new Parsed(file.toString(), parser.parse(file), null);
        } catch (UnreadableRunbookException e) {
            return new Parsed(file.toString(), null, e.getMessage());
        }
    }
}
