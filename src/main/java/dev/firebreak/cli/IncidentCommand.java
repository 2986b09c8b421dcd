package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak incident list|show|ack|resolve|note}, talking to the server's REST API. */
@Command(
        name = "incident",
        mixinStandardHelpOptions = true,
        description = "List, show, acknowledge, resolve and annotate incidents.",
        subcommands = {
            IncidentCommand.ListIncidents.class,
            IncidentCommand.Show.class,
            IncidentCommand.Ack.class,
            IncidentCommand.Resolve.class,
            IncidentCommand.Note.class,
            IncidentMessages.class
        })
final class IncidentCommand {

    static void check(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException("--format must be text or json", 2);
        }
    }

    static void line(PrintWriter out, JsonNode i) {
        out.printf(
                "%-6s %-13s %-7s %s%n",
                i.get("id").asString(),
                i.get("state").asString().toLowerCase(),
                i.at("/severity/name").asString(),
                i.get("title").asString());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
    static final class ListIncidents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--state", description = "open, triggered, acknowledged, resolved (default: all).")
        String state;

        @Option(names = "--limit", defaultValue = "50", description = "Most incidents to show.")
        int limit;

        @Option(names = "--format", defaultValue = "text", description = "text or json.", paramLabel = "FORMAT")
        String format;

        @Override
        public Integer call() {
            check(format);
            String query =
                    "/api/v1/incidents?limit=" + limit + (state == null ? "" : "&state=" + ApiClient.encode(state));
            JsonNode answer = api.client().getJson(query);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(ApiClient.json().writeValueAsString(answer));
                return 0;
            }
            if (answer.isEmpty()) {
                out.println("no incidents");
                return 0;
            }
            out.printf("%-6s %-13s %-7s %s%n", "ID", "STATE", "SEV", "TITLE");
            answer.forEach(i -> line(out, i));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an incident with its timeline.")
    static final class Show extends OnIncident {
        @Option(names = "--format", defaultValue = "text", description = "text or json.", paramLabel = "FORMAT")
        String format;

        @Override
        public Integer call() {
            check(format);
            JsonNode d = api.client().getJson("/api/v1/incidents/" + id);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(ApiClient.json().writeValueAsString(d));
                return 0;
            }
            JsonNode i = d.get("incident");
            out.println("#" + i.get("id").asString() + " " + i.get("title").asString());
            out.println("state:     " + i.get("state").asString().toLowerCase());
            out.println("severity:  " + i.at("/severity/name").asString() + " "
                    + i.at("/severity/label").asString("") + " (respond within "
                    + i.at("/severity/responseTarget").asString("no target") + ": "
                    + d.get("responseStatus").asString() + ")");
            out.println("runbook:   " + i.path("runbookSlug").asString("none"));
            for (Map.Entry<String, String> role : Map.of(
                            "commander", "commander", "communicationsLead", "comms lead", "scribe", "scribe")
                    .entrySet()) {
                if (i.hasNonNull(role.getKey())) {
                    out.printf(
                            "%-10s %s%n",
                            role.getValue() + ":", i.get(role.getKey()).asString());
                }
            }
            out.println("alerts:");
            d.get("alerts")
                    .forEach(a -> out.println("  " + a.get("status").asString().toLowerCase() + "  "
                            + a.get("name").asString()));
            out.println("timeline:");
            d.get("timeline")
                    .forEach(e -> out.println("  " + e.get("at").asString() + "  "
                            + e.get("kind").asString() + "  " + e.get("actor").asString() + ": "
                            + e.get("text").asString()));
            return 0;
        }
    }

    /** A command on one incident: the incident's id, the server to ask, and where to print. */
    abstract static class OnIncident implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "ID")
        long id;
    }

    /** ack and resolve: the same request on another action, answered with who did it. */
    abstract static class StateChange extends OnIncident {
        private final String action;
        private final String done;
        private final String byField;

        StateChange(String action, String done, String byField) {
            this.action = action;
            this.done = done;
            this.byField = byField;
        }

        @Override
        public Integer call() {
            JsonNode i = api.client().postJson("/api/v1/incidents/" + id + "/" + action, "");
            spec.commandLine()
                    .getOut()
                    .println("incident " + id + " " + done + " by "
                            + i.get(byField).asString());
            return 0;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge an incident.")
    static final class Ack extends StateChange {
        Ack() {
            super("acknowledge", "acknowledged", "acknowledgedBy");
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an incident.")
    static final class Resolve extends StateChange {
        Resolve() {
            super("resolve", "resolved", "resolvedBy");
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to an incident's timeline.")
    static final class Note extends OnIncident {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note (words are joined).")
        java.util.List<String> text;

        @Override
        public Integer call() {
            String body = ApiClient.json().writeValueAsString(Map.of("text", String.join(" ", text)));
            api.client().postJson("/api/v1/incidents/" + id + "/notes", body);
            spec.commandLine().getOut().println("note added to incident " + id);
            return 0;
        }
    }
}
