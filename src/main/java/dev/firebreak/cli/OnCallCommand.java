package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak oncall who|shifts}: who is on call, and shifts between two times. */
@Command(
        name = "oncall",
        mixinStandardHelpOptions = true,
        description = "Who is on call, now or at a time, and shifts between two times.",
        subcommands = {OnCallCommand.Who.class, OnCallCommand.Shifts.class})
final class OnCallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(
            name = "who",
            mixinStandardHelpOptions = true,
            description = "Who is on call, per schedule, and until when.")
    static final class Who implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--schedule", paramLabel = "NAME", description = "Only this schedule (default: all).")
        String schedule;

        @Option(
                names = "--at",
                paramLabel = "TIME",
                description = "ISO-8601 time, e.g. 2026-01-31T12:00:00Z (default: now).")
        String at;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder();
            if (schedule != null) {
                query.append("&schedule=").append(ApiClient.encode(schedule));
            }
            if (at != null) {
                query.append("&at=").append(ApiClient.encode(at));
            }
            String path = "/api/v1/oncall" + (query.isEmpty() ? "" : "?" + query.substring(1));
            JsonNode answer = api.client().getJson(path);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-20s %s%n", "SCHEDULE", "ON CALL", "UNTIL");
            for (JsonNode s : answer) {
                if (s.get("onCall").isEmpty()) {
                    out.printf("%-24s %-20s %s%n", s.get("schedule").asString(), "(nobody)", "-");
                }
                for (JsonNode shift : s.get("onCall")) {
                    out.printf(
                            "%-24s %-20s %s%n",
                            s.get("schedule").asString(),
                            shift.get("username").asString(),
                            shift.get("end").asString());
                }
            }
            return 0;
        }
    }

    @Command(name = "shifts", mixinStandardHelpOptions = true, description = "Final shifts between two times.")
    static final class Shifts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--from", required = true, paramLabel = "TIME", description = "ISO-8601 start.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "TIME", description = "ISO-8601 end.")
        String to;

        @Option(names = "--user", paramLabel = "USERNAME", description = "Only this person's shifts.")
        String user;

        @Option(names = "--schedule", paramLabel = "NAME", description = "Only this schedule.")
        String schedule;

        @Override
        public Integer call() {
            String path = "/api/v1/oncall/shifts?from=" + ApiClient.encode(from) + "&to=" + ApiClient.encode(to)
                    + (user == null ? "" : "&user=" + ApiClient.encode(user))
                    + (schedule == null ? "" : "&schedule=" + ApiClient.encode(schedule));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-20s %-22s %-22s %s%n", "SCHEDULE", "USER", "START", "END", "SOURCE");
            for (JsonNode s : api.client().getJson(path)) {
                out.printf(
                        "%-24s %-20s %-22s %-22s %s%n",
                        s.get("schedule").asString(),
                        s.get("username").asString(),
                        s.get("start").asString(),
                        s.get("end").asString(),
                        s.get("source").asString());
            }
            return 0;
        }
    }
}
