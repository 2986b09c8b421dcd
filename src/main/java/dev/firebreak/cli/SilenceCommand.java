package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak silence add|list|expire}: silences on a running server, as amtool does. */
@Command(
        name = "silence",
        mixinStandardHelpOptions = true,
        description = "Add, list and expire silences on the server.",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
final class SilenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Silence alerts matching all MATCHERs.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(
                arity = "1..*",
                paramLabel = "MATCHER",
                description = "e.g. alertname=DiskFull 'instance=~\"db-.*\"'")
        List<String> matchers;

        @Option(
                names = "--duration",
                defaultValue = "1h",
                description = "How long, e.g. 30m, 2h (default: ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--start", paramLabel = "TIME", description = "RFC 3339 start time (default: now).")
        String start;

        @Option(
                names = {"--comment", "-c"},
                required = true,
                description = "Why the alerts are silenced.")
        String comment;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("matchers", matchers);
            body.put("duration", duration);
            body.put("comment", comment);
            if (start != null) {
                body.put("startsAt", start);
            }
            JsonNode silence =
                    api.client().postJson("/api/v1/silences", ApiClient.json().writeValueAsString(body));
            spec.commandLine().getOut().println(silence.get("id").asLong());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List silences.")
    static final class ListSilences implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--state", description = "pending, active or expired (default: all).")
        String state;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) {
                throw new CliException("--format must be text or json", 2);
            }
            String path = "/api/v1/silences" + (state == null ? "" : "?state=" + ApiClient.encode(state));
            JsonNode list = api.client().getJson(path);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(ApiClient.json().writeValueAsString(list));
                return 0;
            }
            out.printf("%-6s %-8s %-20s %-20s %-12s %s%n", "ID", "STATE", "ENDS", "MATCHERS", "CREATED BY", "COMMENT");
            for (JsonNode s : list) {
                List<String> m =
                        s.get("matchers").valueStream().map(JsonNode::asString).toList();
                out.printf(
                        "%-6d %-8s %-20s %-20s %-12s %s%n",
                        s.get("id").asLong(),
                        s.get("state").asString().toLowerCase(java.util.Locale.ROOT),
                        s.get("endsAt").asString(),
                        String.join(",", m),
                        s.get("createdBy").asString(),
                        s.get("comment").asString());
            }
            return 0;
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true, description = "End silences now.")
    static final class Expire implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<Long> ids;

        @Override
        public Integer call() {
            for (long id : ids) {
                JsonNode silence = api.client().delete("/api/v1/silences/" + id);
                spec.commandLine()
                        .getOut()
                        .println(id + " " + silence.get("state").asString().toLowerCase(java.util.Locale.ROOT));
            }
            return 0;
        }
    }
}
