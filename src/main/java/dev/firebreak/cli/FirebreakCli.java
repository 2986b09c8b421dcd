package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        description = "Incident response with executable Markdown runbooks.")
public final class FirebreakCli {
    /**
     * The subcommands, registered lazily by {@link #run}: picocli links every registered command class
     * by reflection, and linking serve or admin loads Spring, which made a one-file parse 3x slower.
     */
    static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            VersionCommand.class,
            AdminCommand.class,
            RunbookCommand.class,
            IncidentCommand.class,
            SilenceCommand.class,
            UserCommand.class,
            TeamCommand.class,
            ServiceCommand.class,
            PolicyCommand.class,
            HeartbeatCommand.class,
            OnCallCommand.class,
            ScheduleCommand.class,
            ChannelCommand.class,
            RunCommand.class,
            ApproveCommand.class,
            TriageCommand.class,
            ChecklistCommand.class,
            AuditCommand.class,
            ExecutionCommand.class,
            PostmortemCommand.class,
            ActionItemCommand.class,
            StatusPageCommand.class,
            ReportCommand.class);

    /** Commands that hold no database, server or file that a shutdown hook would close. */
    static final Set<String> NO_SHUTDOWN_WORK = Set.of(
            "runbook",
            "version",
            "incident",
            "silence",
            "user",
            "team",
            "service",
            "policy",
            "heartbeat",
            "oncall",
            "schedule",
            "channel",
            "run",
            "approve",
            "triage",
            "checklist",
            "audit",
            "execution",
            "postmortem",
            "action-item",
            "status-page",
            "report");

    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        if (ServeCommand.serving()) {
            return;
        }
        if (args.length > 0 && NO_SHUTDOWN_WORK.contains(args[0])) {
            // System.exit first asks System.Logger whether to log the exit, and its first use looks
            // for a logging backend in every jar on the class path: ~90 ms of a 0.3 s parse. These
            // commands leave nothing for shutdown hooks to do once their output is flushed.
            out.flush();
            err.flush();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /** Runs a command line; exposed for tests that check output and exit codes in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // picocli otherwise probes for Groovy closures with Class.forName, a miss that opens every
        // nested jar of the Spring Boot jar: 0.4 s of a one-file parse
        System.setProperty("picocli.disable.closures", "true");
        String[] argv = withDefaultCommand(args);
        CommandLine cli = new CommandLine(new FirebreakCli());
        Optional<Class<?>> named = COMMANDS.stream()
                .filter(c -> argv.length > 0 && commandName(c).equals(argv[0]))
                .findFirst();
        // only the command being run; all of them for --help, --version and unknown commands
        for (Class<?> command : named.map(List::<Class<?>>of).orElse(COMMANDS)) {
            cli.addSubcommand(commandName(command), command);
        }
        cli.setOut(out);
        cli.setErr(err);
        // picocli's "did you mean" names only look-alikes, so an unknown command also lists them all
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((ex, arguments) -> {
            int code = standard.handleParseException(ex, arguments);
            if (ex instanceof CommandLine.UnmatchedArgumentException && ex.getCommandLine() == cli) {
                err.println("Commands: "
                        + String.join(
                                ", ",
                                COMMANDS.stream().map(FirebreakCli::commandName).toList()));
            }
            return code;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CliException cliException) {
                line.getErr().println("firebreak: " + ex.getMessage());
                return cliException.exitCode();
            }
            line.getErr().println("firebreak: " + ex);
            return 1;
        });
        return cli.execute(argv);
    }

    private static String commandName(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
