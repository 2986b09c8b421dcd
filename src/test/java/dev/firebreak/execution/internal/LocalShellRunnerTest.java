package dev.firebreak.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.execution.CommandParameters;
import dev.firebreak.execution.OutputSink;
import dev.firebreak.execution.RunOutcome;
import dev.firebreak.execution.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Runs real processes with bash: the security cases of "Runbooks that run", each a test. */
class LocalShellRunnerTest {

    @TempDir
    Path work;

    private LocalShellRunner runner(List<String> redact) {
        return new LocalShellRunner(ExecutionProperties.forRunner(
                "/bin/bash",
                "",
                "/usr/local/bin:/usr/bin:/bin",
                work.toString(),
                Duration.ofMinutes(1),
                DataSize.ofMegabytes(1),
                Duration.ofMillis(500),
                redact));
    }

    private RunOutcome run(String script, Duration timeout, OutputSink sink) {
        return runner(List.of()).run(new RunRequest(script, Map.of(), timeout, 1 << 20), sink);
    }

    @Test
    void exitCodeAndOutputAreTheCommands() {
        RunOutcome ok = run("echo hello; echo err >&2", Duration.ofSeconds(10), OutputSink.NONE);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.output()).isEqualTo("hello\nerr\n");
        assertThat(run("exit 3", Duration.ofSeconds(10), OutputSink.NONE).exitCode())
                .isEqualTo(3);
    }

    @Test
    void labelValuesNeverBecomeCommands() throws Exception {
        Path marker = work.resolve("pwned");
        List<String> hostile = List.of(
                "x; touch " + marker,
                "$(touch " + marker + ")",
                "`touch " + marker + "`",
                "a' ; touch " + marker + " ; '",
                "a\" ; touch " + marker + " ; \"",
                "line\ntouch " + marker,
                "--help",
                "*");
        hostile = new ArrayList<>(hostile);
        hostile.addAll(List.of(
                "\\'; touch " + marker + " #", // ends a $'...' string if pasted into one
                "x\nEOF\ntouch " + marker, // ends a heredoc early if pasted into it
                "x`touch " + marker + "`")); // ends a backquote substitution if pasted into one
        for (String value : hostile) {
            for (String script : List.of(
                    "printf '%s|' <v>",
                    "printf '%s|' \"$V\"",
                    "printf '%s|' '<v>'",
                    "printf '%s|' \"$(printf '%s' <v>)\"",
                    "printf '%s|' \"`printf '%s' <v>`\"",
                    "cat <<EOF | tr -d '\\n'; printf '|'\n<v>\nEOF\n")) {
                var rendered = CommandParameters.render(script, Map.of("v", value));
                RunOutcome outcome = runner(List.of())
                        .run(
                                new RunRequest(
                                        rendered.script(), rendered.environment(), Duration.ofSeconds(10), 1 << 20),
                                OutputSink.NONE);
                String expected = script.startsWith("cat") ? value.replace("\n", "") + "|" : value + "|";
                assertThat(outcome.output()).as(script + " with " + value).isEqualTo(expected);
            }
            // In $'...' and quoted heredocs the shell expands nothing: the reference stays text, never the value.
            for (String script : List.of("printf '%s|' $'a<v>b'", "cat <<'EOF'\n<v>\nEOF\n")) {
                var rendered = CommandParameters.render(script, Map.of("v", value));
                RunOutcome outcome = runner(List.of())
                        .run(
                                new RunRequest(
                                        rendered.script(), rendered.environment(), Duration.ofSeconds(10), 1 << 20),
                                OutputSink.NONE);
                assertThat(outcome.exitCode()).as(script + " with " + value).isZero();
            }
        }
        // Arithmetic evaluates a value's a[...] subscripts, command substitutions included: refused.
        for (String script : List.of("echo $(( <v> + 1 ))", "[[ $V -gt 3 ]] && echo big")) {
            assertThatThrownBy(() -> CommandParameters.render(script, Map.of("v", "a[$(touch " + marker + ")]")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("arithmetic");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCommandThatNeverEndsIsKilledAtTheTimeout() {
        RunOutcome outcome = run("echo started; sleep 1000", Duration.ofMillis(500), OutputSink.NONE);
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.output()).isEqualTo("started\n");
        assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledWithTheTree() throws Exception {
        Path pids = work.resolve("pids");
        RunOutcome outcome = run(
                "bash -c 'trap \"\" TERM; sleep 1000' & echo $! > " + pids
                        + "; (trap '' TERM; sleep 1000) & echo $! >> " + pids + "; wait",
                Duration.ofMillis(500),
                OutputSink.NONE);
        assertThat(outcome.timedOut()).isTrue();
        for (String pid : Files.readAllLines(pids)) {
            assertThat(alive(Long.parseLong(pid.strip()))).as("process " + pid).isFalse();
        }
    }

    @Test
    void backgroundChildrenDoNotOutliveTheRun() throws Exception {
        Path pids = work.resolve("bg");
        RunOutcome outcome =
                run("sleep 1000 & echo $! > " + pids + "; echo done", Duration.ofSeconds(30), OutputSink.NONE);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(pids).strip());
        assertThat(alive(pid)).isFalse();
    }

    /** A killed process may take a moment to be reaped by init; it counts as alive only if it stays. */
    private static boolean alive(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            } else {
                return false;
            }
        }
        return true;
    }

    @Test
    void hundredMegabytesOfOutputAreCappedAndCounted() {
        RunOutcome outcome = run("head -c 100000000 /dev/zero | tr '\\0' a", Duration.ofSeconds(60), OutputSink.NONE);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).hasSize(1 << 20);
        assertThat(outcome.droppedBytes()).isEqualTo(100_000_000L - (1 << 20));
    }

    @Test
    void outputReachesTheSinkWholeAndInOrder() {
        List<String> chunks = new ArrayList<>();
        RunOutcome outcome = run("seq 1 50000", Duration.ofSeconds(30), chunks::add);
        String expected =
                IntStream.rangeClosed(1, 50000).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
        assertThat(String.join("", chunks)).isEqualTo(expected);
        assertThat(outcome.output()).isEqualTo(expected);
    }

    @Test
    void theEnvironmentIsScrubbedAndSecretsRedacted() {
        var redacting = runner(List.of("s3cr3t-value"));
        RunOutcome outcome = redacting.run(
                new RunRequest("env | sort; echo token s3cr3t-value; pwd", Map.of(), Duration.ofSeconds(10), 1 << 20),
                OutputSink.NONE);
        assertThat(outcome.output()).contains("PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "token [REDACTED]");
        assertThat(outcome.output()).doesNotContain("JAVA_HOME", "s3cr3t-value", "MAVEN");
        assertThat(outcome.output()).contains(work.toString() + "/run-");
        assertThat(work).isEmptyDirectory(); // the run's directory is removed after it
    }

    @Test
    void aPrivateKeyIsHiddenWholeAndNulBytesAreReplaced() {
        RunOutcome outcome = run(
                "printf 'a\\0b\\n'; printf -- '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\nxyz123\\n"
                        + "-----END RSA PRIVATE KEY-----\\nafter\\n'",
                Duration.ofSeconds(10),
                OutputSink.NONE);
        assertThat(outcome.output()).isEqualTo("a\uFFFDb\n[REDACTED]\n[REDACTED]\n[REDACTED]\n[REDACTED]\nafter\n");
    }

    @Test
    void aShellThatCannotStartIsAnErrorNotAnException() {
        var broken = new LocalShellRunner(ExecutionProperties.forRunner(
                "/nonexistent/shell",
                "",
                "/usr/bin:/bin",
                work.toString(),
                Duration.ofMinutes(1),
                DataSize.ofMegabytes(1),
                Duration.ofMillis(500),
                List.of()));
        RunOutcome outcome = broken.run(new RunRequest("true", Map.of(), Duration.ofSeconds(5), 1024), OutputSink.NONE);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.exitCode()).isNotZero();
    }
}
