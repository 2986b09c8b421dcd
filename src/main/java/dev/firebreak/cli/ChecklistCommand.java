package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak checklist INCIDENT [PROCEDURE]}: a procedure's steps; tick, skip, assign or reopen one. */
@Command(
        name = "checklist",
        mixinStandardHelpOptions = true,
        description = "Show an incident's procedure checklists, or change a step of one.")
final class ChecklistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    long incident;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROCEDURE", description = "The procedure's anchor.")
    String procedure;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(names = "--done", paramLabel = "STEP", description = "Tick step STEP (from 1).")
        Integer done;

        @Option(names = "--skip", paramLabel = "STEP", description = "Skip step STEP; needs --reason.")
        Integer skip;

        @Option(names = "--assign", paramLabel = "STEP", description = "Assign step STEP; needs --to.")
        Integer assign;

        @Option(names = "--reopen", paramLabel = "STEP", description = "Open step STEP again.")
        Integer reopen;
    }

    @Option(names = "--reason", description = "Why the step is skipped.")
    String reason;

    @Option(names = "--to", paramLabel = "USER", description = "Who the step is assigned to.")
    String to;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        PrintWriter out = spec.commandLine().getOut();
        if (change != null) {
            if (procedure == null) {
                throw new CliException("name the PROCEDURE whose step changes", 2);
            }
            String kind = change.done != null
                    ? "done"
                    : change.skip != null ? "skipped" : change.assign != null ? "assigned" : "reopened";
            int step = change.done != null
                    ? change.done
                    : change.skip != null ? change.skip : change.assign != null ? change.assign : change.reopen;
            var body = ApiClient.json()
                    .createObjectNode()
                    .put("change", kind)
                    .put("reason", reason)
                    .put("assignee", to);
            print(
                    out,
                    client.postJson(
                            "/api/v1/incidents/" + incident + "/checklist/" + ApiClient.encode(procedure) + "/" + step,
                            body.toString()));
            return 0;
        }
        for (JsonNode list : client.getJson("/api/v1/incidents/" + incident + "/checklist")) {
            if (procedure == null || procedure.equals(list.get("anchor").asString())) {
                print(out, list);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, JsonNode list) {
        out.println(list.get("title").asString() + " (" + list.get("anchor").asString() + ")");
        for (JsonNode step : list.get("steps")) {
            String mark =
                    switch (step.get("state").asString()) {
                        case "DONE" -> "[x]";
                        case "SKIPPED" -> "[-]";
                        default -> "[ ]";
                    };
            String who = step.get("assignee").isNull()
                    ? ""
                    : " @" + step.get("assignee").asString();
            String why =
                    step.get("reason").isNull() ? "" : " (" + step.get("reason").asString() + ")";
            String commands = step.get("commands").isEmpty()
                    ? ""
                    : " run: "
                            + step.get("commands")
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("");
            out.printf(
                    "  %s %d. %s%s%s%s%n",
                    mark, step.get("index").asInt(), step.get("text").asString(), who, why, commands);
        }
    }
}
