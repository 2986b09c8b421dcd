package dev.firebreak.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak policy list|show|apply|delete}: escalation policies on a running server. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "List, show, apply (create or replace from JSON) and delete escalation policies.",
        subcommands = {
            PolicyCommand.ListPolicies.class,
            PolicyCommand.Show.class,
            PolicyCommand.Apply.class,
            PolicyCommand.Delete.class
        })
final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static String path(String name) {
        return "/api/v1/escalation-policies/" + ApiClient.encode(name).replace("+", "%20");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List escalation policies.")
    static final class ListPolicies implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) {
                throw new CliException("--format must be text or json", 2);
            }
            JsonNode list = api.client().getJson("/api/v1/escalation-policies");
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(ApiClient.json().writeValueAsString(list));
                return 0;
            }
            out.printf(
                    "%-24s %-7s %-6s %-7s %-11s %s%n", "NAME", "VERSION", "TIERS", "REPEAT", "ACK TIMEOUT", "FINDINGS");
            for (JsonNode p : list) {
                out.printf(
                        "%-24s %-7d %-6d %-7d %-11s %d%n",
                        p.get("name").asString(),
                        p.get("version").asInt(),
                        p.get("tiers").size(),
                        p.get("repeat").asInt(),
                        p.path("ackTimeout").asString("never"),
                        p.get("findings").size());
            }
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print a policy as JSON (apply takes it back).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            JsonNode policy = api.client().getJson(path(name));
            spec.commandLine().getOut().println(ApiClient.pretty(policy));
            return 0;
        }
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Create or replace the policy the JSON file names; nothing changes when it is rejected.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "FILE.json")
        Path file;

        @Override
        public Integer call() {
            ApiClient.NamedDocument policy = ApiClient.namedDocument(file);
            JsonNode saved = api.client()
                    .put(path(policy.name()), "application/json", policy.text().getBytes(StandardCharsets.UTF_8));
            spec.commandLine()
                    .getOut()
                    .println("applied " + saved.get("name").asString() + " (version "
                            + saved.get("version").asInt() + ")");
            for (JsonNode finding : saved.path("findings")) {
                spec.commandLine().getErr().println("warning: " + finding.asString());
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a policy no other policy pages.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            JsonNode deleted = api.client().delete(path(name));
            spec.commandLine().getOut().println("deleted " + deleted.get("name").asString());
            for (JsonNode warning : deleted.path("warnings")) {
                spec.commandLine().getErr().println("warning: " + warning.asString());
            }
            return 0;
        }
    }
}
