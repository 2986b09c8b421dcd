package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
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

/** {@code firebreak team list|show|create|add-member|remove-member}. */
@Command(
        name = "team",
        mixinStandardHelpOptions = true,
        description = "List, show and create teams; add and remove members (admin).",
        subcommands = {
            TeamCommand.ListTeams.class,
            TeamCommand.Show.class,
            TeamCommand.Create.class,
            TeamCommand.AddMember.class,
            TeamCommand.RemoveMember.class
        })
final class TeamCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static String path(String team) {
        return "/api/v1/teams/" + ApiClient.encode(team).replace("+", "%20");
    }

    static void print(PrintWriter out, JsonNode team) {
        out.println("team:        " + UserCommand.text(team, "name"));
        out.println("description: " + UserCommand.text(team, "description"));
        out.println("members:");
        for (JsonNode m : team.get("members")) {
            out.println("  " + m.get("username").asString()
                    + (m.get("role").asString().equals("MANAGER") ? " (manager)" : ""));
        }
        out.println("services:    "
                + String.join(
                        ", ",
                        team.get("services")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List teams.")
    static final class ListTeams implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-8s %-8s %s%n", "TEAM", "MEMBERS", "SERVICES", "DESCRIPTION");
            for (JsonNode t : api.client().getJson("/api/v1/teams")) {
                out.printf(
                        "%-24s %-8d %-8d %s%n",
                        t.get("name").asString(),
                        t.get("members").size(),
                        t.get("services").size(),
                        UserCommand.text(t, "description"));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a team's members and services.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "TEAM")
        String team;

        @Override
        public Integer call() {
            print(spec.commandLine().getOut(), api.client().getJson(path(team)));
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a team.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "TEAM")
        String team;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", team);
            body.put("description", description);
            JsonNode created =
                    api.client().postJson("/api/v1/teams", ApiClient.json().writeValueAsString(body));
            spec.commandLine()
                    .getOut()
                    .println("created team " + created.get("name").asString());
            return 0;
        }
    }

    @Command(name = "add-member", mixinStandardHelpOptions = true, description = "Add a person to a team.")
    static final class AddMember implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Option(
                names = "--role",
                defaultValue = "member",
                description = "member or manager (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            Map<String, Object> body = Map.of("username", user, "role", role.toLowerCase(Locale.ROOT));
            api.client().postJson(path(team) + "/members", ApiClient.json().writeValueAsString(body));
            spec.commandLine().getOut().println("added " + user + " to " + team);
            return 0;
        }
    }

    @Command(name = "remove-member", mixinStandardHelpOptions = true, description = "Remove a person from a team.")
    static final class RemoveMember implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            api.client().remove(path(team) + "/members/" + ApiClient.encode(user));
            spec.commandLine().getOut().println("removed " + user + " from " + team);
            return 0;
        }
    }
}
