package dev.firebreak.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

/** {@code firebreak action-item add|list|done}: follow-ups of postmortems. */
@Command(
        name = "action-item",
        mixinStandardHelpOptions = true,
        description = "Add, list and close postmortem action items.",
        subcommands = {ActionItemCommand.Add.class, ActionItemCommand.ListItems.class, ActionItemCommand.Done.class})
final class ActionItemCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an item to a postmortem.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "POSTMORTEM")
        long postmortem;

        @Parameters(index = "1", paramLabel = "TITLE")
        String title;

        @Option(names = "--owner", description = "Who does it.")
        String owner;

        @Option(
                names = "--due",
                defaultValue = "24h",
                description = "24h, 1w, 1m or a date YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
        String due;

        @Option(
                names = "--runbook",
                description = "It is an update of the incident's runbook: a new version closes it.")
        boolean runbook;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            if (owner != null) {
                body.put("owner", owner);
            }
            if (due.matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    body.put(
                            "due",
                            LocalDate.parse(due)
                                    .atTime(17, 0)
                                    .toInstant(ZoneOffset.UTC)
                                    .toString());
                } catch (DateTimeParseException e) {
                    throw new CliException("--due " + due + " is not a date", 2);
                }
            } else {
                body.put("preset", due);
            }
            body.put("runbook", runbook);
            JsonNode item = api.client()
                    .postJson(
                            "/api/v1/postmortems/" + postmortem + "/action-items",
                            ApiClient.json().writeValueAsString(body));
            spec.commandLine()
                    .getOut()
                    .println("action item " + item.get("id").asLong() + " due "
                            + item.get("dueAt").asString());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Items, soonest due first.")
    static final class ListItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--overdue", description = "Only open items past their due date.")
        boolean overdue;

        @Option(names = "--owner", description = "Only this person's.")
        String owner;

        @Option(names = "--status", description = "open, done or cancelled.")
        String status;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder("?overdue=" + overdue);
            if (owner != null) {
                query.append("&owner=").append(ApiClient.encode(owner));
            }
            if (status != null) {
                query.append("&status=").append(ApiClient.encode(status));
            }
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            for (JsonNode i : api.client().getJson("/api/v1/action-items" + query)) {
                Instant dueAt = Instant.parse(i.get("dueAt").asString());
                boolean late = "OPEN".equals(i.get("status").asString()) && !now.isBefore(dueAt);
                out.printf(
                        "%-5s %-9s %-22s %-12s postmortem %-5s %s%n",
                        i.get("id").asLong(),
                        i.get("status").asString().toLowerCase() + (late ? "!" : ""),
                        i.get("dueAt").asString(),
                        i.get("owner").isNull() ? "-" : i.get("owner").asString(),
                        i.get("postmortemId").asLong(),
                        i.get("title").asString());
            }
            return 0;
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true, description = "Close an item as done.")
    static final class Done implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "ITEM")
        long id;

        @Override
        public Integer call() {
            api.client().patchJson("/api/v1/action-items/" + id, "{\"status\":\"done\"}");
            spec.commandLine().getOut().println("action item " + id + " done");
            return 0;
        }
    }
}
