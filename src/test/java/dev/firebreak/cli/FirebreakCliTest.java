package dev.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Subcommands are registered lazily; help and unknown commands must still see all of them. */
class FirebreakCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FirebreakCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        for (Class<?> command : FirebreakCli.COMMANDS) {
            String name =
                    command.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(out.toString()).contains("  " + name + " ");
        }
    }

    @Test
    void anUnknownCommandIsAnErrorThatNamesTheKnownOnes() {
        assertThat(run("runbok")).isEqualTo(2);
        assertThat(err.toString()).contains("runbok").contains("runbook");
    }

    @Test
    void aNamedCommandRunsWithOnlyItselfRegistered() {
        assertThat(run("runbook", "--help")).isZero();
        assertThat(out.toString()).contains("parse").contains("lint");
    }
}
