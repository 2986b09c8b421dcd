package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command line. {@code serve} (the default) starts the server; other commands either
 * work on files (no Spring context at all), on the database ({@code admin}), or talk to a running
 * server's REST API as kubectl does.
 */
@Command(
        name = "firebreak",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Incident response with executable Markdown runbooks.",
        subcommands = {
            ServeCommand.class,
            VersionCommand.class,
            AdminCommand.class,
            RunbookCommand.class,
            SilenceCommand.class,
            IncidentCommand.class
        })
public final class FirebreakCli {
    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (!ServeCommand.serving()) {
            System.exit(code);
        }
    }

    /** Runs a command line; exposed for tests that check output and exit codes in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FirebreakCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CliException cliException) {
                line.getErr().println("firebreak: " + ex.getMessage());
                return cliException.exitCode();
            }
            line.getErr().println("firebreak: " + ex);
            return 1;
        });
        return cli.execute(withDefaultCommand(args));
    }

    /** No subcommand, or only server options such as --demo, means {@code serve}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || (args[0].startsWith("-") && !ROOT_OPTIONS.contains(args[0]))) {
            String[] withServe = new String[args.length + 1];
            withServe[0] = "serve";
            System.arraycopy(args, 0, withServe, 1, args.length);
            return withServe;
        }
        return Arrays.copyOf(args, args.length);
    }
}
