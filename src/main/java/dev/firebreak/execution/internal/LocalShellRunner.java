package dev.firebreak.execution.internal;

import dev.firebreak.execution.CommandRunner;
import dev.firebreak.execution.OutputSink;
import dev.firebreak.execution.RunOutcome;
import dev.firebreak.execution.RunRequest;
import dev.firebreak.execution.SecretRedactor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Runs a command with the local shell in a process group of its own ({@code setsid}), in a fresh
 * working directory, with only PATH, HOME and LANG set. A timeout sends SIGTERM to the whole group and
 * its descendants, then SIGKILL after the grace; at the end leftovers are killed, so nothing outlives
 * the run and holds its output open.
 */
@Component
public class LocalShellRunner implements CommandRunner {

    private final ExecutionProperties properties;
    private final SecretRedactor redactor;

    public LocalShellRunner(ExecutionProperties properties) {
        this.properties = properties;
        this.redactor = new SecretRedactor(properties.redact());
    }

    @Override
    public String describe() {
        String user = properties.user().isBlank() ? System.getProperty("user.name") : properties.user();
        return "local shell " + properties.shell() + " on " + hostName() + " as " + user + " in a new directory under "
                + workRoot();
    }

    @Override
    public RunOutcome run(RunRequest request, OutputSink sink) {
        long start = System.nanoTime();
        Path directory;
        Process process;
        try {
            Files.createDirectories(workRoot());
            directory = Files.createTempDirectory(workRoot(), "run-");
            process = builder(request, directory).start();
        } catch (IOException | UncheckedIOException e) {
            return new RunOutcome(null, false, "", 0, elapsed(start), "could not start: " + e.getMessage());
        }
        OutputCapture capture = new OutputCapture(redactor, sink, request.outputCap());
        Thread reader = Thread.ofVirtual().name("run-output-" + process.pid()).start(() -> {
            try (var in = process.getInputStream()) {
                capture.drain(in);
            } catch (IOException ignored) {
                // the stream closes when the tree is killed; what was read is kept
            }
        });
        boolean timedOut = false;
        try {
            if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(process, properties.killGrace());
            }
            kill(process, Duration.ZERO); // background children left behind would hold the output open
            reader.join(Duration.ofSeconds(5));
            if (reader.isAlive()) {
                process.getInputStream().close(); // a grandchild that escaped the group still holds the pipe
                reader.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process, Duration.ZERO);
        } catch (IOException ignored) {
            // closing the pipe is the last resort; nothing more to do
        } finally {
            deleteQuietly(directory);
        }
        Integer exit = timedOut || process.isAlive() ? null : process.exitValue();
        return new RunOutcome(exit, timedOut, capture.output(), capture.droppedBytes(), elapsed(start), null);
    }

    private ProcessBuilder builder(RunRequest request, Path directory) {
        List<String> command = new ArrayList<>(List.of("setsid"));
        if (!properties.user().isBlank()) {
            command.addAll(List.of("sudo", "-n", "-u", properties.user(), "--"));
        }
        command.addAll(List.of(properties.shell(), "-c", request.script()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", properties.path());
        env.put("HOME", directory.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(request.environment());
        return builder;
    }

    /** Signals the process group and every descendant: TERM, then KILL after {@code grace}. */
    static void kill(Process process, Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        if (!grace.isZero()) {
            signalGroup(process.pid(), "TERM");
            tree.forEach(ProcessHandle::destroy);
            process.toHandle().destroy();
            long deadline = System.nanoTime() + grace.toNanos();
            while (System.nanoTime() < deadline
                    && (process.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
                sleep(20);
            }
        }
        signalGroup(process.pid(), "KILL");
        tree.forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly(); // Process.destroy* would close the output not yet read
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signalGroup(long groupId, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, "--", "-" + groupId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // without kill(1) the descendants are still signalled one by one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path workRoot() {
        String configured = properties.workDirectory();
        return configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "firebreak-runs")
                : Path.of(configured);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a file the command made unreadable stays behind in the temp directory
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }
}
