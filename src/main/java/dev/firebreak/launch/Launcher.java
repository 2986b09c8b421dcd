package dev.firebreak.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar's Main-Class, at the jar's root and compiled for Java 17, so it starts in milliseconds
 * on any java. On a JDK >= 21 it runs Firebreak from the AOT cache beside the jar when there is a
 * valid one ({@link AotCache}), else in this JVM through Spring Boot's loader. On an older java it
 * re-runs the jar on a JDK >= 21 found in JAVA_HOME or /usr/lib/jvm, or says plainly what is missing.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    /** Commands that never start Spring: they get the class path with their few libraries first. */
    static final Set<String> SPRINGLESS_COMMANDS = Set.of("runbook", "version");

    static final String REEXEC = "FIREBREAK_REEXEC";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        Optional<Path> jar = ownJar();
        boolean child = System.getenv(REEXEC) != null;
        if (Runtime.version().feature() >= REQUIRED) {
            if (jar.isPresent() && !child && System.getProperty("jarmode") == null) {
                Path home = Path.of(System.getProperty("java.home"));
                Optional<List<String>> cached = AotCache.command(jar.get(), home, jvmOptions(), args, System.getenv());
                if (cached.isPresent()) {
                    exit(run(cached.get()));
                }
            }
            inThisJvm(args);
            return;
        }
        Optional<Path> home = findJdk();
        if (jar.isEmpty() || home.isEmpty() || child) {
            System.err.println("firebreak: Java " + REQUIRED + " or newer is required (this is Java "
                    + Runtime.version().feature() + "); set JAVA_HOME or put a newer java on PATH");
            System.exit(1);
        }
        List<String> options = jvmOptions();
        Optional<List<String>> cached = AotCache.command(jar.get(), home.get(), options, args, System.getenv());
        List<String> command = cached.isPresent() ? cached.get() : plain(home.get(), options, jar.get(), args);
        exit(run(command));
    }

    /**
     * Ends the launcher once the child has ended. Not System.exit, which first sets up System.Logger
     * to ask whether to log the exit: milliseconds that every short command would pay twice.
     */
    private static void exit(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    private static List<String> plain(Path home, List<String> options, Path jar, String[] args) {
        boolean cli = args.length > 0 && SPRINGLESS_COMMANDS.contains(args[0]);
        return javaCommand(home, cli, options, List.of(), jar, args);
    }

    /**
     * {@code java [short-run options] OPTIONS EXTRA -jar JAR ARGS} on the JDK in {@code home}; the
     * user's options come after the short-run ones, so theirs win.
     */
    static List<String> javaCommand(
            Path home, boolean shortRun, List<String> options, List<String> extra, Path jar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/java").toString());
        if (shortRun) {
            command.addAll(AotCache.CLI_OPTIONS);
        }
        command.addAll(options);
        command.addAll(extra);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Spring Boot's loader, which finds the start class ({@link Start}) in the nested jars. */
    private static void inThisJvm(String[] args) throws Throwable {
        try {
            Class.forName("org.springframework.boot.loader.launch.JarLauncher")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs the child JVM in this terminal; a signal to this process stops the child gracefully. */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(REEXEC, "1");
        Process process = builder.start();
        // A class, not a lambda: the launcher's first lambda costs a cold JVM ~10 ms of linkage.
        Runtime.getRuntime().addShutdownHook(new Thread() {
            @Override
            public void run() {
                if (process.isAlive()) {
                    process.destroy();
                    try {
                        process.waitFor(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        return process.waitFor();
    }

    /** The jar this JVM runs, when it was started with {@code java -jar}. */
    static Optional<Path> ownJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(classPath).toAbsolutePath());
    }

    /**
     * This JVM's options as given on the command line (before {@code -jar}), read from the process
     * rather than through java.management, which would cost a noticeable part of a short run.
     */
    static List<String> jvmOptions() {
        String[] arguments = commandLine();
        if (arguments == null) {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
        List<String> all = Arrays.asList(arguments);
        int jarFlag = all.indexOf("-jar");
        return jarFlag < 0 ? List.of() : new ArrayList<>(all.subList(0, jarFlag));
    }

    /**
     * This process's arguments after the program name: /proc/self/cmdline where there is one (a file
     * read; ProcessHandle.info() costs a cold JVM ~20 ms of thread pool and lambda set-up), else
     * ProcessHandle, else null.
     */
    static String[] commandLine() {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            String[] all = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\0");
            return all.length == 0 ? null : Arrays.copyOfRange(all, 1, all.length);
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().arguments().orElse(null);
        }
    }

    static Optional<Path> findJdk() throws IOException {
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
            if (Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= REQUIRED) {
                return Optional.of(home.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** The JDK's JAVA_VERSION ("25.0.3"), from its release file; empty when unreadable. */
    static String javaVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring(13).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read
        }
        return "";
    }

    /** The feature number of {@link #javaVersion}: 25 for "25.0.3", 8 for "1.8.0_402", 0 if unknown. */
    static int featureVersion(Path home) {
        try {
            String[] parts = javaVersion(home).split("[._-]");
            int major = Integer.parseInt(parts[0]);
            return major == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : major;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
