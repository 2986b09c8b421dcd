package dev.firebreak.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A JDK AOT cache (JEP 483/514) kept beside the jar, in {@code firebreak-aot/}: Spring Boot's
 * extracted layout of the jar plus the classes a training run loaded, already parsed and linked.
 * The build makes it ({@code java -cp firebreak.jar dev.firebreak.launch.AotCache firebreak.jar});
 * the launcher starts the server and the CLI from it when it was made from this very jar by this
 * very JDK, which cuts the server's start by about a third. Without it everything still works.
 */
public final class AotCache {
    /** Turns the cache off when set to {@code off}: the launcher then runs the jar as it is. */
    static final String SWITCH = "FIREBREAK_AOT";

    static final String SERVER = "server.aot";
    static final String CLI = "cli.aot";
    /** What the CLI cases add before the user's own options: a short run gains nothing from C2 or G1. */
    static final List<String> CLI_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The README's server options, so the training loads what a recommended start loads. */
    static final List<String> SERVER_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private static final String STAMP = "stamp.properties";

    private AotCache() {}

    /** The cache directory that belongs to {@code jar}: {@code firebreak.jar} has {@code firebreak-aot}. */
    static Path directory(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling((name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + "-aot");
    }

    /** The cache file for a command line, or empty when a command gains nothing from one. */
    static Optional<String> cacheFor(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        switch (command) {
            case "serve":
            case "admin":
                return Optional.of(SERVER);
            case "runbook":
            case "version":
            case "incident":
            case "silence":
                return Optional.of(CLI);
            default:
                return Optional.empty();
        }
    }

    /**
     * The command that runs {@code args} from the cache with {@code java}, or empty when there is no
     * usable cache: none beside the jar, made from another build of the jar or by another JDK, or
     * switched off.
     */
    public static Optional<List<String>> command(
            Path jar, Path javaHome, List<String> jvmOptions, String[] args, Map<String, String> env) {
        if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH, ""))) {
            return Optional.empty();
        }
        Optional<String> cache = cacheFor(args);
        Path dir = directory(jar);
        if (cache.isEmpty()
                || !Files.isRegularFile(dir.resolve(cache.get()))
                || !Files.isRegularFile(dir.resolve("app").resolve(jar.getFileName()))
                || !stamp(jar, javaHome).equals(read(dir.resolve(STAMP)))) {
            return Optional.empty();
        }
        List<String> command = Launcher.javaCommand(
                javaHome,
                cache.get().equals(CLI),
                jvmOptions,
                List.of("-XX:AOTCache=" + dir.resolve(cache.get())),
                dir.resolve("app").resolve(jar.getFileName()),
                args);
        return Optional.of(command);
    }

    /** What ties a cache to its jar and JDK: a rebuilt jar or another JDK makes it stale. */
    static Properties stamp(Path jar, Path javaHome) {
        Properties stamp = new Properties();
        try {
            stamp.setProperty("jar.size", String.valueOf(Files.size(jar)));
            stamp.setProperty(
                    "jar.modified",
                    String.valueOf(Files.getLastModifiedTime(jar).toMillis()));
            stamp.setProperty("java.home", javaHome.toAbsolutePath().normalize().toString());
            stamp.setProperty("java.version", String.valueOf(Launcher.javaVersion(javaHome)));
        } catch (IOException e) {
            stamp.setProperty("unreadable", e.toString());
        }
        return stamp;
    }

    /** Marks the cache beside {@code jar} as made from it by the JDK in {@code javaHome}. */
    static void writeStamp(Path jar, Path javaHome) throws IOException {
        try (OutputStream out = Files.newOutputStream(directory(jar).resolve(STAMP))) {
            stamp(jar, javaHome).store(out, "the jar and JDK this AOT cache was made from");
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            properties.setProperty("unreadable", e.toString());
        }
        return properties;
    }

    /** Builds the cache beside the jar given as the only argument, with the running JDK. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp firebreak.jar " + AotCache.class.getName() + " JAR");
            System.exit(2);
        }
        if (Runtime.version().feature() < 25) {
            System.out.println("firebreak: no AOT cache: Java "
                    + Runtime.version().feature() + " cannot make one (Java 25 or newer can)");
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path dir = directory(jar);
        delete(dir);
        Files.createDirectories(dir);
        long started = System.nanoTime();
        String java = javaHome.resolve("bin/java").toString();
        run(List.of(
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                dir.resolve("app").toString()));
        Path app = dir.resolve("app").resolve(jar.getFileName());
        Path work = Files.createTempDirectory("firebreak-aot");
        try {
            // The server: a start on an empty H2 database (migrations, first admin) through to
            // readiness and a few requests, then a graceful stop (ServerTraining).
            List<String> server = new ArrayList<>(List.of(java));
            server.addAll(SERVER_OPTIONS);
            server.add("-XX:AOTCacheOutput=" + dir.resolve(SERVER));
            ServerTraining.run(
                    server,
                    app,
                    Map.of(
                            "FIREBREAK_DATA_DIR", work.resolve("data").toString(),
                            "FIREBREAK_ADMIN_PASSWORD", UUID.randomUUID().toString()));
            // The CLI: parse and lint the demo runbooks the jar carries.
            Path runbooks = Files.createDirectories(work.resolve("runbooks"));
            copyDemoRunbooks(app, runbooks);
            List<String> cli = new ArrayList<>(List.of(java));
            cli.addAll(CLI_OPTIONS);
            cli.addAll(List.of(
                    "-XX:AOTCacheOutput=" + dir.resolve(CLI),
                    "-jar",
                    app.toString(),
                    "runbook",
                    "parse",
                    runbooks.toString(),
                    "--format",
                    "jsonl"));
            run(cli);
        } finally {
            delete(work);
        }
        writeStamp(jar, javaHome);
        System.out.printf(
                "firebreak: AOT cache in %s (%d s)%n",
                dir, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private static void copyDemoRunbooks(Path app, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(app))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("demo/runbooks/") && name.endsWith(".md")) {
                    Files.copy(zip, target.resolve(name.substring(name.lastIndexOf('/') + 1)));
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(command, Map.of());
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile("firebreak-aot", ".log");
        Process process = start(command, env, log);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw failed(command, "exit " + process.exitValue(), log);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A training JVM, its output to {@code log}, with the embedded database and the cache off. */
    static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The training database is the embedded one, whatever the build's environment points at.
        // Nor may server settings of the build's environment (address, TLS, a management port) keep
        // the training from answering on the loopback port it polls.
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("FIREBREAK_DB_")
                        || k.equals("FIREBREAK_URL")
                        || k.startsWith("SERVER_")
                        || k.startsWith("MANAGEMENT_")
                        || k.startsWith("SPRING_"));
        builder.environment().putAll(env);
        builder.environment().put(SWITCH, "off");
        // Trained as the launcher's child, so the cache also holds what the child's watchdog loads.
        builder.environment().put(Launcher.REEXEC, "1");
        return builder.start();
    }

    /** Why a training run failed, with the last lines it printed. */
    static IOException failed(List<String> command, String why, Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        lines.subList(0, Math.max(0, lines.size() - 30)).clear();
        return new IOException(why + ": " + String.join(" ", command) + "\n" + String.join("\n", lines));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
