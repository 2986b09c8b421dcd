package dev.firebreak.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** {@code firebreak schedule list|show|apply|override|feed}: on-call schedules on a running server. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "List, show and apply on-call schedules; add overrides; create calendar feeds.",
        subcommands = {
            ScheduleCommand.ListSchedules.class,
            ScheduleCommand.Show.class,
            ScheduleCommand.Apply.class,
            ScheduleCommand.Overrides.class,
            ScheduleCommand.Feed.class
        })
final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static String path(String name) {
        return "/api/v1/schedules/" + ApiClient.encode(name).replace("+", "%20");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
    static final class ListSchedules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-20s %-16s %s%n", "NAME", "ZONE", "TEAM", "LAYERS");
            for (JsonNode s : api.client().getJson("/api/v1/schedules")) {
                out.printf(
                        "%-24s %-20s %-16s %d%n",
                        s.get("name").asString(),
                        s.get("zone").asString(),
                        s.hasNonNull("team") ? s.get("team").asString() : "-",
                        s.get("layers").size());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a schedule's definition as JSON.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            JsonNode s = api.client().getJson(path(name));
            spec.commandLine().getOut().println(ApiClient.pretty(s));
            return 0;
        }
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Create or replace the schedule a JSON file defines (its layers wholesale).")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "FILE.json")
        Path file;

        @Override
        public Integer call() {
            ApiClient.NamedDocument definition = ApiClient.namedDocument(file);
            String name = definition.name();
            String text = definition.text();
            ApiClient client = api.client();
            boolean exists = client.getJson("/api/v1/schedules")
                    .valueStream()
                    .anyMatch(s -> s.get("name").asString().equals(name));
            if (exists) {
                client.put(path(name), "application/json", text.getBytes(StandardCharsets.UTF_8));
            } else {
                client.postJson("/api/v1/schedules", text);
            }
            spec.commandLine().getOut().println((exists ? "updated " : "created ") + name);
            return 0;
        }
    }

    @Command(
            name = "override",
            mixinStandardHelpOptions = true,
            description = "Overrides of a schedule.",
            subcommands = {OverrideAdd.class})
    static final class Overrides implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "USER takes over SCHEDULE from --start to --end.")
    static final class OverrideAdd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "SCHEDULE")
        String schedule;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Option(names = "--start", required = true, paramLabel = "TIME", description = "ISO-8601 start.")
        String start;

        @Option(names = "--end", required = true, paramLabel = "TIME", description = "ISO-8601 end.")
        String end;

        @Option(
                names = "--replaces",
                paramLabel = "USER",
                description = "Only where this person is on call (default: whoever is).")
        String replaces;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", user);
            body.put("replaces", replaces);
            body.put("start", start);
            body.put("end", end);
            JsonNode o = api.client()
                    .postJson(path(schedule) + "/overrides", ApiClient.json().writeValueAsString(body));
            spec.commandLine().getOut().println(o.get("id").asLong());
            return 0;
        }
    }

    @Command(
            name = "feed",
            mixinStandardHelpOptions = true,
            description = "Calendar feeds.",
            subcommands = {FeedCreate.class})
    static final class Feed implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Create a secret iCalendar feed of SCHEDULE (or, with --mine, of your own shifts); prints its URL once.")
    static final class FeedCreate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "0..1", paramLabel = "SCHEDULE")
        String schedule;

        @Option(names = "--mine", description = "A feed of your own shifts on every schedule.")
        boolean mine;

        @Override
        public Integer call() {
            if ((schedule == null) == !mine) {
                throw new CliException("give a SCHEDULE or --mine", 2);
            }
            String path = mine ? "/api/v1/me/feeds" : path(schedule) + "/feeds";
            JsonNode issued = api.client().postJson(path, "");
            spec.commandLine()
                    .getOut()
                    .println(api.server.replaceAll("/+$", "")
                            + issued.get("path").asString());
            return 0;
        }
    }
}
