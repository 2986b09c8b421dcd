package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak service list|create}: services as routes name them, and who owns them. */
@Command(
        name = "service",
        mixinStandardHelpOptions = true,
        description = "List services and create them (admin).",
        subcommands = {ServiceCommand.ListServices.class, ServiceCommand.Create.class})
final class ServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List services.")
    static final class ListServices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-24s %-20s %s%n", "SERVICE", "TEAM", "POLICY", "DESCRIPTION");
            for (JsonNode s : api.client().getJson("/api/v1/services")) {
                out.printf(
                        "%-24s %-24s %-20s %s%n",
                        s.get("name").asString(),
                        s.get("team").asString(),
                        UserCommand.text(s, "escalationPolicy").isEmpty()
                                ? "-"
                                : UserCommand.text(s, "escalationPolicy"),
                        UserCommand.text(s, "description"));
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a service owned by a team.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "SERVICE", description = "the route's service label value")
        String service;

        @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The owning team.")
        String team;

        @Option(names = "--policy", paramLabel = "POLICY", description = "Escalation policy when the route names none.")
        String policy;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", service);
            body.put("team", team);
            body.put("escalationPolicy", policy);
            body.put("description", description);
            JsonNode created =
                    api.client().postJson("/api/v1/services", ApiClient.json().writeValueAsString(body));
            spec.commandLine()
                    .getOut()
                    .println("created service " + created.get("name").asString());
            return 0;
        }
    }
}
