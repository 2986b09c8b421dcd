package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak audit verify|list}: the execution audit's hash chain and its latest entries. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Check or list the audit of command runs and approvals.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Exit 1 if an entry was changed or deleted.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            JsonNode result = api.client().getJson("/api/v1/execution/audit/verify");
            if (result.get("intact").asBoolean()) {
                spec.commandLine()
                        .getOut()
                        .println("audit intact: " + result.get("rows").asLong() + " entries");
                return 0;
            }
            throw new CliException(
                    "audit broken at entry " + result.get("firstBad").asLong() + ": "
                            + result.get("problem").asString());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The latest entries, newest first.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--limit", defaultValue = "20", description = "Most entries (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (JsonNode e : api.client().getJson("/api/v1/execution/audit?limit=" + limit)) {
                out.printf(
                        "%-6s %-24s %-12s %-10s run %-6s %s%n",
                        e.get("seq").asLong(),
                        e.get("at").asString(),
                        e.get("actor").asString(),
                        e.get("action").asString().toLowerCase(),
                        e.get("runId").isNull() ? "-" : e.get("runId").asString(),
                        e.get("payload").asString().lines().findFirst().orElse(""));
            }
            return 0;
        }
    }
}
