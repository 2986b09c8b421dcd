package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared conformance scripts against the packaged jar: {@code check_seeds.py} on the five
 * seed runbooks and {@code check_corpus.mjs} on the prometheus-operator corpus. The shared folder
 * is {@code ../shared} beside the project, or FIREBREAK_SHARED (environment or system property).
 */
class ConformanceIT {
    private static final long TIMEOUT_MINUTES = 10;

    private static Path shared() {
        String override = System.getProperty("firebreak.shared", System.getenv("FIREBREAK_SHARED"));
        Path dir = override != null && !override.isBlank() ? Path.of(override) : Path.of("..", "shared");
        assertThat(dir.resolve("conformance"))
                .as("the shared conformance folder (set FIREBREAK_SHARED to move it)")
                .isDirectory();
        return dir.toAbsolutePath().normalize();
    }

    private static String firebreakCommand() {
        String jar = System.getProperty("firebreak.jar", "target/firebreak.jar");
        assertThat(Path.of(jar)).as("the packaged jar (run mvn package first)").isRegularFile();
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                + Path.of(jar).toAbsolutePath();
    }

    private static void runScript(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FIREBREAK_CMD", firebreakCommand());
        Path log = Files.createTempFile("conformance", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(String.join(" ", command) + "\n" + output);
        if (!finished || process.exitValue() != 0) {
            fail(String.join(" ", command) + (finished ? " failed (exit " + process.exitValue() + ")" : " timed out")
                    + ":\n" + output);
        }
    }

    @Test
    void seedRunbooksMatchTheSpec() throws Exception {
        Path shared = shared();
        runScript(
                List.of("python3", shared.resolve("conformance/check_seeds.py").toString()));
    }

    @Test
    void corpusMatchesAnIndependentCommonMarkParser() throws Exception {
        Path shared = shared();
        runScript(List.of(
                "node",
                shared.resolve("conformance/check_corpus.mjs").toString(),
                shared.resolve("corpus/prometheus-operator-runbooks").toString()));
    }
}
