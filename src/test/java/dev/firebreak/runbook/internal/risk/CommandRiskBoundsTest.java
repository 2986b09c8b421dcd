package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1 MB pathological blocks must finish (linear scans, capped nesting, no regex backtracking). The
 * bound catches super-linear blowups, which take minutes; it is no speed target (those live in
 * bench/), so it is loose enough for a loaded 2-core CI machine.
 */
class CommandRiskBoundsTest {
    private static final Duration BLOWUP = Duration.ofSeconds(60);

    private static final int MEGABYTE = 1 << 20;

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    static Stream<Arguments> pathological() {
        return Stream.of(
                Arguments.of("bash", "nested substitutions", fill("$(")),
                Arguments.of("bash", "balanced deep nesting", fill("$(echo ") + ")".repeat(MEGABYTE / 7)),
                Arguments.of("bash", "substitutions in double quotes", fill("\"$(")),
                Arguments.of("bash", "unclosed single quote", "echo '" + fill("x")),
                Arguments.of("bash", "unclosed double quote", "echo \"" + fill("x\\")),
                Arguments.of("bash", "backticks", fill("`")),
                Arguments.of("bash", "pipes", fill("a|")),
                Arguments.of("bash", "continuations", fill("ls \\\n")),
                Arguments.of("bash", "subshells", fill("(")),
                Arguments.of("bash", "arithmetic", fill("$((")),
                Arguments.of("bash", "parameter expansions", fill("${")),
                Arguments.of("bash", "wrappers", fill("sudo ") + "rm x"),
                Arguments.of("bash", "watch in watch", fill("watch ") + "ls"),
                Arguments.of("bash", "xargs chains", fill("xargs ") + "rm"),
                Arguments.of("bash", "heredocs", fill("cat <<EOF\n")),
                Arguments.of("bash", "many heredocs on one line", "cat " + fill("<<A ") + "\nA\n"),
                Arguments.of("bash", "redirections", fill("1>")),
                Arguments.of("bash", "placeholders", fill("<a")),
                Arguments.of("bash", "many short lines", fill("kubectl get pods -n x | grep y\n")),
                Arguments.of("bash", "one huge command", "kubectl " + fill("--flag value ")),
                Arguments.of("bash", "curl options", "curl " + fill("-H x ")),
                Arguments.of("console", "prompts and output", fill("$ ls\noutput\n")),
                Arguments.of("bash", "test brackets", fill("[[ a || ")),
                Arguments.of("sql", "block comments", fill("/*")),
                Arguments.of("sql", "dollar quotes", fill("$a$ ")),
                Arguments.of("sql", "quotes", fill("'")),
                Arguments.of("sql", "statements", fill("SELECT 1; ")),
                Arguments.of("sql", "statements without semicolons", fill("SELECT 1\nUPDATE t SET a = 1\n")),
                Arguments.of("redis", "commands", fill("GET a\n")),
                Arguments.of("promql", "query", fill("sum(")),
                Arguments.of("python", "code", fill("x = 1\n")));
    }

    private static String fill(String unit) {
        return unit.repeat(MEGABYTE / unit.length());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("pathological")
    void finishesOnAMegabyte(String language, String name, String code) {
        assertTimeoutPreemptively(BLOWUP, () -> {
            CommandRiskClassifier.Assessment assessment = classifier.classify(language, code, code);
            assertThat(assessment.risk()).isIn("read-only", "mutating", "destructive");
            assertThat(assessment.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
            classifier.lines(language, code);
        });
    }
}
