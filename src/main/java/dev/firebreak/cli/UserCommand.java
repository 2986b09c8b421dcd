package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak user list|show|set|contact|rules}: people, their time zones, contact methods and rules. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "List people, show one, set a time zone, manage contact methods and notification rules.",
        subcommands = {
            UserCommand.ListUsers.class,
            UserCommand.Show.class,
            UserCommand.Set.class,
            UserContactCommand.class,
            UserRulesCommand.class
        })
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The username given, else the token's own. */
    static String userOrMe(ApiClient client, String user) {
        return user != null
                ? user
                : client.getJson("/api/v1/me").get("username").asString();
    }

    static String path(String user) {
        return "/api/v1/users/" + ApiClient.encode(user).replace("+", "%20");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List people.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-20s %-10s %-8s %-20s %s%n", "USERNAME", "ROLE", "ENABLED", "TIME ZONE", "CONTACT METHODS");
            for (JsonNode u : api.client().getJson("/api/v1/users")) {
                out.printf(
                        "%-20s %-10s %-8s %-20s %d%n",
                        u.get("username").asString(),
                        u.get("role").asString().toLowerCase(Locale.ROOT),
                        u.get("enabled").asBoolean() ? "yes" : "no",
                        u.get("effectiveZone").asString(),
                        u.get("contactMethods").size());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a person (default: you).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "0..1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            ApiClient client = api.client();
            print(spec.commandLine().getOut(), client.getJson(path(userOrMe(client, user))));
            return 0;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Change your own profile (an admin: anybody's with --user).")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--user", paramLabel = "USER", description = "Whose profile (default: yours).")
        String user;

        @Option(
                names = "--zone",
                paramLabel = "ZONE",
                description = "IANA time zone, e.g. Europe/Berlin; '' for the server's.")
        String zone;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name.")
        String name;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Email address.")
        String email;

        @Override
        public Integer call() {
            if (zone == null && name == null && email == null) {
                throw new CliException("nothing to set: give --zone, --name or --email", 2);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timeZone", zone);
            body.put("displayName", name);
            body.put("email", email);
            ApiClient client = api.client();
            JsonNode person = client.patchJson(
                    path(userOrMe(client, user)), ApiClient.json().writeValueAsString(body));
            print(spec.commandLine().getOut(), person);
            return 0;
        }
    }

    static void print(PrintWriter out, JsonNode p) {
        out.println("username:  " + text(p, "username"));
        out.println("name:      " + text(p, "displayName"));
        out.println("email:     " + text(p, "email"));
        out.println("role:      " + text(p, "role").toLowerCase(Locale.ROOT));
        out.println("enabled:   " + (p.get("enabled").asBoolean() ? "yes" : "no"));
        out.println(
                "time zone: " + text(p, "effectiveZone") + (p.get("timeZone").isNull() ? " (server default)" : ""));
        out.println("contact methods:");
        for (JsonNode m : p.get("contactMethods")) {
            out.printf(
                    "  %-6d %-8s %s%s%n",
                    m.get("id").asLong(),
                    text(m, "kind").toLowerCase(Locale.ROOT),
                    text(m, "address"),
                    text(m, "label").isEmpty() ? "" : "  (" + text(m, "label") + ")");
        }
    }
}
