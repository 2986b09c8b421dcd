package dev.firebreak.cli;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.ApiTokens;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Administration on the database itself (the same FIREBREAK_DB_* settings and data directory as
 * the server), so that it works before any user or token exists and while the server runs.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Manage users, tokens and integrations directly in the database.",
        subcommands = {
            AdminCommand.CreateUser.class,
            AdminCommand.CreateToken.class,
            CreateIntegrationCommand.class,
            AdminArchiveCommand.Export.class,
            AdminArchiveCommand.Import.class
        })
final class AdminCommand {

    /** Runs work against a Spring context without the web server, background jobs or banner. */
    static <T> T withDatabase(Function<ConfigurableApplicationContext, T> work) {
        return withDatabase(work, new String[0]);
    }

    static <T> T withDatabase(Function<ConfigurableApplicationContext, T> work, String... extra) {
        // Logs go to stderr while the context lives, so stdout carries only the command's answer.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FirebreakApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        "--firebreak.mode=admin",
                                        "--logging.level.root=WARN",
                                        "--spring.main.banner-mode=off",
                                        // Hand-offs are the server's to finish, not a command's.
                                        "--spring.modulith.events.republish-outstanding-events-on-restart=false"),
                                java.util.Arrays.stream(extra))
                        .toArray(String[]::new))) {
            return work.apply(context);
        } catch (FirebreakException e) {
            throw new CliException(e.getMessage());
        } finally {
            System.setOut(stdout);
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Create a user.")
    static final class CreateUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(
                names = "--role",
                defaultValue = "responder",
                description = "viewer, responder or admin (default: ${DEFAULT-VALUE})")
        String role;

        @Option(
                names = "--password",
                description = "The password; default: FIREBREAK_USER_PASSWORD, else asked on the terminal.")
        String password;

        @Option(names = "--name", description = "Display name.")
        String displayName;

        @Option(names = "--email", description = "E-mail address for notifications.")
        String email;

        @Override
        public Integer call() {
            Role parsedRole;
            try {
                parsedRole = Role.parse(role);
            } catch (FirebreakException e) {
                throw new CliException(e.getMessage(), 2);
            }
            String secret = password != null ? password : System.getenv("FIREBREAK_USER_PASSWORD");
            if (secret == null) {
                Console console = System.console();
                if (console == null) {
                    throw new CliException("no password: pass --password or set FIREBREAK_USER_PASSWORD", 2);
                }
                secret = new String(console.readPassword("Password for %s: ", username));
            }
            String chosen = secret;
            UserAccount user = withDatabase(context ->
                    context.getBean(UserAccounts.class).create(username, chosen, parsedRole, displayName, email));
            spec.commandLine()
                    .getOut()
                    .println("created user " + user.username() + " ("
                            + user.role().name().toLowerCase() + ")");
            return 0;
        }
    }

    @Command(
            name = "create-token",
            mixinStandardHelpOptions = true,
            description = "Create an API token for USER and print only the token, for scripts.")
    static final class CreateToken implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER")
        String username;

        @Option(names = "--name", defaultValue = "cli", description = "Label of the token (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--expires-in", description = "Lifetime as ISO-8601 (P30D, PT12H); default never.")
        Duration expiresIn;

        @Override
        public Integer call() {
            String secret = withDatabase(context -> {
                UserAccount user = context.getBean(UserAccounts.class)
                        .find(username)
                        .orElseThrow(() -> new FirebreakException.NotFound("no user '" + username + "'"));
                return context.getBean(ApiTokens.class)
                        .create(user.id(), name, expiresIn)
                        .secret();
            });
            spec.commandLine().getOut().println(secret);
            return 0;
        }
    }
}
