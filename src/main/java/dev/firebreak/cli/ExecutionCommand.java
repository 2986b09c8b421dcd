package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak execution enable|disable|list}: which services may run runbook commands (admins). */
@Command(
        name = "execution",
        mixinStandardHelpOptions = true,
        description = "Turn running runbook commands on or off per service.",
        subcommands = {
            ExecutionCommand.Enable.class,
            ExecutionCommand.Disable.class,
            ExecutionCommand.ListServices.class
        })
final class ExecutionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static void print(PrintWriter out, JsonNode s) {
        out.printf(
                "%-30s %-8s %-12s %s%n",
                s.get("service").asString(),
                s.get("enabled").asBoolean() ? "on" : "off",
                s.get("diagnostics").asBoolean() ? "diagnostics" : "-",
                s.get("changedBy").asString());
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let SERVICE's incidents run commands.")
    static final class Enable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "SERVICE")
        String service;

        @Option(names = "--diagnostics", description = "Also run read-only diagnostics when an incident opens.")
        boolean diagnostics;

        @Override
        public Integer call() {
            print(
                    spec.commandLine().getOut(),
                    api.client()
                            .putJson(
                                    "/api/v1/execution/services/"
                                            + ApiClient.encode(service).replace("+", "%20"),
                                    "{\"enabled\":true,\"diagnostics\":" + diagnostics + "}"));
            return 0;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Stop SERVICE's incidents running commands.")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "SERVICE")
        String service;

        @Override
        public Integer call() {
            print(
                    spec.commandLine().getOut(),
                    api.client()
                            .putJson(
                                    "/api/v1/execution/services/"
                                            + ApiClient.encode(service).replace("+", "%20"),
                                    "{\"enabled\":false}"));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Services with a setting.")
    static final class ListServices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            api.client()
                    .getJson("/api/v1/execution/services")
                    .forEach(s -> print(spec.commandLine().getOut(), s));
            return 0;
        }
    }
}
