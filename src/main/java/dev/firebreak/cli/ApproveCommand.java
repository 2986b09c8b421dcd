package dev.firebreak.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak approve RUN --reason R}: a second person approves a destructive run. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve another person's destructive run.")
final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    long run;

    @Option(
            names = {"--reason", "-r"},
            required = true,
            description = "Why it is right to run it.")
    String reason;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        JsonNode before = client.getJson("/api/v1/runs/" + run);
        spec.commandLine()
                .getOut()
                .println("approving " + before.get("step").asString() + " for "
                        + before.get("requestedBy").asString() + ":");
        before.get("script").asString().lines().forEach(l -> spec.commandLine()
                .getOut()
                .println("  " + l));
        JsonNode approved = client.postJson(
                "/api/v1/runs/" + run + "/approve",
                ApiClient.json().createObjectNode().put("reason", reason).toString());
        spec.commandLine()
                .getOut()
                .println("run " + run + " approved until "
                        + approved.get("approvalExpiresAt").asString() + "; start it with: firebreak run "
                        + approved.get("incidentId").asLong() + " "
                        + approved.get("step").asString() + " --approved " + run);
        return 0;
    }
}
