package dev.firebreak.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 17 so that {@code java -jar firebreak.jar} on an older
 * default java does not die with UnsupportedClassVersionError: it re-runs the jar on a JDK >= 21
 * found in JAVA_HOME or /usr/lib/jvm, or says plainly what is missing.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    /** Commands that never start Spring: they get the class path with their few libraries first. */
    static final Set<String> SPRINGLESS_COMMANDS = Set.of("runbook", "version");

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        if (Runtime.version().feature() >= REQUIRED) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (args.length > 0 && SPRINGLESS_COMMANDS.contains(args[0])) {
                loader = CliClassPath.reordered(loader);
                Thread.currentThread().setContextClassLoader(loader);
            }
            Class.forName("dev.firebreak.cli.FirebreakCli", true, loader)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        Optional<Path> java = findJava();
        if (java.isEmpty() || System.getenv("FIREBREAK_REEXEC") != null) {
            System.err.println("firebreak: Java " + REQUIRED + " or newer is required (this is Java "
                    + Runtime.version().feature() + "); set JAVA_HOME or put a newer java on PATH");
            System.exit(1);
        }
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        if (args.length > 0 && SPRINGLESS_COMMANDS.contains(args[0])) {
            // a short CLI run: C2 compiler threads and G1 only compete with it for the cores
            // (measured: a one-file parse takes half the CPU); the user's own options below win
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("FIREBREAK_REEXEC", "1");
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        System.exit(process.waitFor());
    }

    static Optional<Path> findJava() throws IOException {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                list.sorted(Comparator.reverseOrder()).forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path bin = home.resolve("bin/java");
            if (Files.isExecutable(bin) && featureVersion(home) >= REQUIRED) {
                return Optional.of(bin);
            }
        }
        return Optional.empty();
    }

    /** Reads JAVA_VERSION="25.0.3" (or "1.8.0_402") from the JDK's release file. */
    static int featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(13).replace("\"", "");
                    String[] parts = v.split("[._-]");
                    int major = Integer.parseInt(parts[0]);
                    return major == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : major;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read: skip it
        }
        return 0;
    }
}
