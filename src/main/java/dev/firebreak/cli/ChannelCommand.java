package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak channel list|add|remove|rotate|test}: teams' and services' chat channels and webhooks. */
@Command(
        name = "channel",
        mixinStandardHelpOptions = true,
        description =
                "List, add, remove, rotate and test notification channels (Slack, Mattermost, Teams, webhook, ntfy).",
        subcommands = {
            ChannelCommand.ListChannels.class,
            ChannelCommand.Add.class,
            ChannelCommand.Remove.class,
            ChannelCommand.Rotate.class,
            ChannelCommand.Test.class
        })
final class ChannelCommand implements Callable<Integer> {
    private static final String PATH = "/api/v1/notify/channels";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    private static String path(String name) {
        return PATH + "/" + ApiClient.encode(name).replace("+", "%20");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List channels (URLs masked).")
    static final class ListChannels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-11s %-24s %-8s %s%n", "CHANNEL", "TYPE", "FOR", "STATE", "URL");
            for (JsonNode c : api.client().getJson(PATH)) {
                String owner = c.hasNonNull("team")
                        ? "team " + c.get("team").asString()
                        : "service " + UserCommand.text(c, "service");
                String state = c.path("enabled").asBoolean() ? (c.path("signed").asBoolean() ? "signed" : "on") : "off";
                out.printf(
                        "%-24s %-11s %-24s %-8s %s%s%n",
                        c.get("name").asString(),
                        c.get("type").asString(),
                        owner,
                        state,
                        UserCommand.text(c, "url"),
                        c.hasNonNull("disabledReason")
                                ? "  (" + c.get("disabledReason").asString() + ")"
                                : "");
            }
            return 0;
        }
    }

    /** Exactly one owner. */
    static final class Owner {
        @Option(
                names = "--team",
                paramLabel = "TEAM",
                required = true,
                description = "The team whose incidents it gets.")
        String team;

        @Option(
                names = "--service",
                paramLabel = "SERVICE",
                required = true,
                description = "The service whose incidents it gets.")
        String service;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a channel; a webhook's signing secret is printed once.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--type",
                required = true,
                paramLabel = "TYPE",
                description = "slack, mattermost, teams, webhook or ntfy.")
        String type;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "The incoming-webhook, endpoint or topic URL.")
        String url;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Owner owner;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("type", type);
            body.put("url", url);
            body.put("team", owner.team);
            body.put("service", owner.service);
            JsonNode created = api.client().postJson(PATH, ApiClient.json().writeValueAsString(body));
            if (created.hasNonNull("secret")) {
                spec.commandLine().getOut().println(created.get("secret").asString());
                spec.commandLine()
                        .getErr()
                        .println("created channel " + created.get("name").asString()
                                + "; its signing secret is above and is not shown again");
            } else {
                spec.commandLine()
                        .getOut()
                        .println("created channel " + created.get("name").asString());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a channel.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            api.client().remove(path(name));
            spec.commandLine().getOut().println("removed channel " + name);
            return 0;
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Give a webhook channel a new signing secret; the old one still signs for the overlap.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--overlap",
                paramLabel = "DURATION",
                description = "How long the old secret still signs (default: 24h).")
        String overlap;

        @Override
        public Integer call() {
            String query = overlap == null ? "" : "?overlap=" + ApiClient.encode(overlap);
            JsonNode rotated = api.client().post(path(name) + "/rotate-secret" + query, "");
            spec.commandLine().getOut().println(rotated.path("secret").asString());
            spec.commandLine()
                    .getErr()
                    .println("rotated the secret of " + name + "; the new one is above and is not shown again");
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a test message through the ledger.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            JsonNode sent = api.client().post(path(name) + "/test", "");
            spec.commandLine()
                    .getOut()
                    .println("test message " + sent.path("messageId").asLong() + " to " + name + " queued (key "
                            + sent.path("key").asString() + ")");
            return 0;
        }
    }
}
