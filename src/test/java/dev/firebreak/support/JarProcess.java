package dev.firebreak.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs target/firebreak.jar as a real process with the test JVM's java (a JDK >= 21). */
public final class JarProcess {
    private JarProcess() {}

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    public static Path jar() {
        return Path.of(System.getProperty("firebreak.jar", "target/firebreak.jar"))
                .toAbsolutePath();
    }

    /** Whether {@code java -jar} runs the server from the AOT cache beside the jar (a child JVM). */
    public static boolean serverRunsFromAotCache() {
        return dev.firebreak.launch.AotCache.command(
                        jar(), Path.of(System.getProperty("java.home")), List.of(), new String[0], Map.of())
                .isPresent();
    }

    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    public static Result run(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile("fb-out", ".txt");
            Path err = Files.createTempFile("fb-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command(args))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", args));
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
