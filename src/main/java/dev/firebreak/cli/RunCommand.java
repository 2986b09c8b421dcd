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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code firebreak run INCIDENT [STEP]}: lists the runbook's commands, shows a dry run, or runs one
 * and follows its output; the exit code is the command's (124 timed out, 125 interrupted, 127 could
 * not start, 3 waiting for approval).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a runbook command of an incident (or list them, without STEP).")
final class RunCommand implements Callable<Integer> {
    static final int AWAITING_APPROVAL = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident's id.")
    long incident;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STEP", description = "e.g. schema-issues.2")
    String step;

    @Option(names = "--dry-run", description = "Show what would run, where and as whom; run nothing.")
    boolean dryRun;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A placeholder's value, e.g. pod-name=web-1.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = {"--yes", "-y"},
            description = "Confirm a mutating command.")
    boolean yes;

    @Option(names = "--approved", paramLabel = "RUN", description = "Start this approved run of STEP.")
    Long approved;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        PrintWriter out = spec.commandLine().getOut();
        if (step == null) {
            for (JsonNode s : client.getJson("/api/v1/incidents/" + incident + "/steps")) {
                out.printf(
                        "%-28s %-11s %s%n",
                        s.get("ref").asString(),
                        risk(s),
                        firstLine(s.get("code").asString()));
            }
            return 0;
        }
        if (approved != null) {
            JsonNode run = client.getJson("/api/v1/runs/" + approved);
            if (run.get("incidentId").asLong() != incident
                    || !run.get("step").asString().equals(step)) {
                throw new CliException("run " + approved + " is not " + step + " of incident " + incident, 2);
            }
            return follow(client, client.postJson("/api/v1/runs/" + approved + "/start", "{}"), out);
        }
        ObjectNode body = ApiClient.json().createObjectNode().put("step", step);
        ObjectNode values = body.putObject("params");
        params.forEach(values::put);
        JsonNode dry = client.postJson("/api/v1/incidents/" + incident + "/runs/dry-run", body.toString());
        if (dryRun) {
            print(dry, out);
            return dry.get("missing").isEmpty() && dry.get("blocked").isNull() ? 0 : 1;
        }
        body.put("confirm", yes).put("scriptHash", dry.get("scriptHash").asString());
        JsonNode run = client.postJson("/api/v1/incidents/" + incident + "/runs", body.toString());
        if (run.get("state").asString().equals("AWAITING_APPROVAL")) {
            long id = run.get("id").asLong();
            out.println("run " + id + " (" + step + ", destructive) waits for a second person's approval:");
            out.println("  firebreak approve " + id + " --reason '...'");
            out.println("then start it: firebreak run " + incident + " " + step + " --approved " + id);
            return AWAITING_APPROVAL;
        }
        return follow(client, run, out);
    }

    private static int follow(ApiClient client, JsonNode run, PrintWriter out) {
        long id = run.get("id").asLong();
        JsonNode[] ended = {null};
        client.events("/api/v1/runs/" + id + "/stream", (event, data) -> {
            if (event.equals("output")) {
                out.print(ApiClient.json().readTree(data).get("text").asString());
                out.flush();
            } else if (event.equals("end")) {
                ended[0] = ApiClient.json().readTree(data);
                return false;
            }
            return true;
        });
        JsonNode last = ended[0] != null ? ended[0] : client.getJson("/api/v1/runs/" + id);
        return exitCode(last);
    }

    /** The command's exit code, or one that says why there is none. */
    static int exitCode(JsonNode run) {
        return switch (run.get("state").asString()) {
            case "SUCCEEDED", "FAILED" -> run.get("exitCode").asInt();
            case "TIMED_OUT" -> 124;
            case "INTERRUPTED" -> 125;
            case "COULD_NOT_START" -> 127;
            case "AWAITING_APPROVAL", "APPROVED" -> AWAITING_APPROVAL;
            default ->
                throw new CliException("run " + run.get("id").asLong() + " is "
                        + run.get("state").asString());
        };
    }

    private static void print(JsonNode dry, PrintWriter out) {
        out.println("step:    " + dry.get("step").asString() + " of "
                + dry.get("runbook").asString() + " v"
                + dry.get("runbookVersion").asInt());
        out.println("risk:    " + risk(dry) + " ("
                + String.join(
                        "; ",
                        dry.get("reasons").valueStream().map(JsonNode::asString).toList()) + ")");
        out.println("needs:   "
                + switch (dry.get("gate").asString()) {
                    case "CLICK" -> "nothing more: read-only";
                    case "CONFIRM" -> "confirmation (--yes)";
                    default -> "approval by a second responder or admin";
                });
        out.println("runs on: " + dry.get("runner").asString());
        if (!dry.get("missing").isEmpty()) {
            out.println("missing: " + dry.get("missing").toString() + " (give them with --param NAME=VALUE)");
        }
        if (!dry.get("blocked").isNull()) {
            out.println("blocked: " + dry.get("blocked").asString());
        }
        out.println("script:");
        dry.get("script").asString().lines().forEach(l -> out.println("  " + l));
        if (!dry.get("environment").isEmpty()) {
            out.println("with:    (each value reaches the script as a variable, never as shell text)");
            dry.get("environment")
                    .properties()
                    .forEach(e -> out.println(
                            "  " + e.getKey() + "='" + e.getValue().asString().replace("'", "'\\''") + "'"));
        }
    }

    private static String risk(JsonNode node) {
        return node.get("risk").asString().toLowerCase().replace('_', '-');
    }

    private static String firstLine(String code) {
        return code.lines()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .findFirst()
                .orElse("")
                .strip();
    }
}
