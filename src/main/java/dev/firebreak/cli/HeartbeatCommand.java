package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak heartbeat list|create|ping|pause|resume}: heartbeat monitors on a running server. */
@Command(
        name = "heartbeat",
        mixinStandardHelpOptions = true,
        description = "List, create, ping, pause and resume heartbeat monitors on the server.",
        subcommands = {
            HeartbeatCommand.ListHeartbeats.class,
            HeartbeatCommand.Create.class,
            HeartbeatCommand.Ping.class,
            HeartbeatCommand.Pause.class,
            HeartbeatCommand.Resume.class
        })
final class HeartbeatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List heartbeat monitors.")
    static final class ListHeartbeats implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) {
                throw new CliException("--format must be text or json", 2);
            }
            JsonNode list = api.client().getJson("/api/v1/heartbeats");
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(ApiClient.json().writeValueAsString(list));
                return 0;
            }
            out.printf("%-24s %-7s %-9s %-6s %-24s %s%n", "NAME", "STATE", "INTERVAL", "GRACE", "LAST PING", "ALERT");
            for (JsonNode h : list) {
                List<String> matchers =
                        h.path("matchers").valueStream().map(JsonNode::asString).toList();
                out.printf(
                        "%-24s %-7s %-9s %-6s %-24s %s%n",
                        h.path("name").asString(),
                        h.path("state").asString().toLowerCase(Locale.ROOT),
                        h.path("interval").asString(),
                        h.path("grace").asString(),
                        h.path("lastPingAt").isNull()
                                ? "never"
                                : h.path("lastPingAt").asString(),
                        String.join(",", matchers));
            }
            return 0;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a monitor and print its ping secret (shown only now).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--interval", required = true, description = "Expected time between pings, e.g. 5m.")
        String interval;

        @Option(names = "--grace", description = "Extra time before it goes down (default: 0s).")
        String grace;

        @Option(
                names = "--alert",
                paramLabel = "MATCHER",
                description = "A firing alert matching these counts as a ping, e.g. 'alertname=Watchdog' (repeatable).")
        List<String> matchers;

        @Option(names = "--description", description = "What it watches.")
        String description;

        @Option(names = "--severity", description = "The severity label of the alert it raises.")
        String severity;

        @Option(names = "--service", description = "The service label of the alert it raises.")
        String service;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("interval", interval);
            body.put("grace", grace);
            body.put("matchers", matchers);
            body.put("description", description);
            body.put("severity", severity);
            body.put("service", service);
            JsonNode created =
                    api.client().postJson("/api/v1/heartbeats", ApiClient.json().writeValueAsString(body));
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.path("secret").asString());
            spec.commandLine()
                    .getErr()
                    .println("ping it at " + api.server.replaceAll("/+$", "")
                            + created.path("pingUrl").asString());
            return 0;
        }
    }

    @Command(name = "ping", mixinStandardHelpOptions = true, description = "Ping a monitor with its secret.")
    static final class Ping implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "SECRET")
        String secret;

        @Override
        public Integer call() {
            // The secret is the only credential: no API token needed.
            JsonNode pinged = new ApiClient(api.server, "")
                    .postJson("/api/v1/heartbeats/" + ApiClient.encode(secret) + "/ping", "");
            spec.commandLine()
                    .getOut()
                    .println(pinged.path("name").asString() + " "
                            + pinged.path("state").asString().toLowerCase(Locale.ROOT));
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop checking monitors.")
    static final class Pause implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "1..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() {
            return HeartbeatCommand.act(spec, api, names, "pause");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Check paused monitors again.")
    static final class Resume implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(arity = "1..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() {
            return HeartbeatCommand.act(spec, api, names, "resume");
        }
    }

    private static int act(CommandSpec spec, ApiOptions api, List<String> names, String action) {
        ApiClient client = api.client();
        for (String name : names) {
            JsonNode h = client.postJson("/api/v1/heartbeats/" + ApiClient.encode(name) + "/" + action, "");
            spec.commandLine()
                    .getOut()
                    .println(h.path("name").asString() + " "
                            + h.path("state").asString().toLowerCase(Locale.ROOT));
        }
        return 0;
    }
}
