package dev.firebreak.cli;

import dev.firebreak.platform.storage.DatabaseArchive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin export FILE} and {@code admin import FILE [--replace]}: the whole database as one archive. */
final class AdminArchiveCommand {
    private AdminArchiveCommand() {}

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Write everything in the database to FILE (a zip, docs/backup.md), from one consistent snapshot;",
                "works while the server runs."
            })
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CliException("cannot write " + file + ": no such directory", 2);
            }
            Path partial;
            try {
                // Password hashes, keys and secrets are in it: readable by its owner only.
                partial = secretFile(dir, file.getFileName() + ".");
            } catch (IOException e) {
                throw new CliException("cannot write in " + dir + ": " + e.getMessage(), 2);
            }
            DatabaseArchive.Summary summary;
            try {
                summary = AdminCommand.withDatabase(context -> {
                    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                        DatabaseArchive.Summary done = DatabaseArchive.export(context.getBean(DataSource.class), out);
                        out.flush();
                        channel.force(true);
                        return done;
                    } catch (IOException e) {
                        throw new CliException("cannot write " + file + ": " + e.getMessage(), 2);
                    }
                });
                // Only a complete archive takes the name.
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CliException("cannot write " + file + ": " + e.getMessage(), 2);
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the message above says what went wrong
                }
            }
            spec.commandLine()
                    .getOut()
                    .println("exported " + summary.total() + " rows of "
                            + summary.rows().size() + " tables (schema " + summary.schemaVersion() + ") to " + file);
            return 0;
        }
    }

    private static Path secretFile(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(
                    dir,
                    prefix,
                    ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, ".partial");
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Load an archive of `admin export` into this database (FIREBREAK_DB_*), in one transaction.",
                "Stop the server first. Refuses a database in use unless --replace."
            })
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--replace", description = "Replace everything already in the database.")
        boolean replace;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CliException("cannot read " + file + ": no such file", 2);
            }
            DatabaseArchive.Summary summary = AdminCommand.withDatabase(
                    context -> {
                        try (InputStream in = Files.newInputStream(file)) {
                            return DatabaseArchive.restore(context.getBean(DataSource.class), in, replace);
                        } catch (NoSuchFileException e) {
                            throw new CliException("cannot read " + file + ": no such file", 2);
                        } catch (IOException | java.io.UncheckedIOException e) {
                            throw new CliException("cannot read " + file + ": " + e.getMessage(), 2);
                        }
                    },
                    "--firebreak.no-admin-bootstrap");
            spec.commandLine()
                    .getOut()
                    .println("imported " + summary.total() + " rows of "
                            + summary.rows().size() + " tables (schema " + summary.schemaVersion() + ") from " + file);
            return 0;
        }
    }
}
