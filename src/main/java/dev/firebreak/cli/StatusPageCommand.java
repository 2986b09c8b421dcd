package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
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

/** {@code firebreak status-page list|show|post|update}: public status pages and their incidents. */
@Command(
        name = "status-page",
        mixinStandardHelpOptions = true,
        description = "List status pages, post public incidents and their updates.",
        subcommands = {
            StatusPageCommand.ListPages.class,
            StatusPageCommand.Show.class,
            StatusPageCommand.Post.class,
            StatusPageCommand.Update.class
        })
final class StatusPageCommand implements Callable<Integer> {
    static final String PATH = "/api/v1/status-pages";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The status pages.")
    static final class ListPages implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (JsonNode page : api.client().getJson(PATH)) {
                out.printf(
                        "%-24s %s%n",
                        page.get("slug").asString(), page.get("name").asString());
            }
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A page's components and its incidents of the history window.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "SLUG")
        String slug;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode details = api.client().getJson(PATH + "/" + slug);
            out.println(details.get("page").get("name").asString() + " ("
                    + details.get("subscribers").asInt() + " subscribers)");
            for (JsonNode c : details.get("components")) {
                out.println("  component " + c.get("publicId").asString() + "  "
                        + c.get("name").asString());
            }
            for (JsonNode i : details.get("incidents")) {
                out.printf(
                        "  %-12s %-12s %-8s %s%n",
                        i.get("publicId").asString(),
                        i.get("status").asString().toLowerCase(),
                        i.get("impact").asString().toLowerCase(),
                        i.get("name").asString());
            }
            return 0;
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true, description = "Open a public incident.")
    static final class Post implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(paramLabel = "SLUG")
        String slug;

        @Option(names = "--name", required = true, description = "The public title.")
        String name;

        @Option(names = "--body", required = true, description = "The first update, for the public.")
        String body;

        @Option(names = "--impact", defaultValue = "minor", description = "none, minor, major or critical.")
        String impact;

        @Option(names = "--component", description = "An affected component (name or id); repeat for more.")
        List<String> components = new ArrayList<>();

        @Option(names = "--incident", description = "The internal incident it speaks for (never shown).")
        Long incident;

        @Override
        public Integer call() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", name);
            request.put("impact", impact);
            request.put("body", body);
            request.put("incidentId", incident);
            request.put(
                    "components",
                    components.stream().map(c -> Map.of("component", c)).toList());
            JsonNode created = api.client()
                    .postJson(PATH + "/" + slug + "/incidents", ApiClient.json().writeValueAsString(request));
            spec.commandLine().getOut().println(created.get("publicId").asString());
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Post an update (resolved resolves).")
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "SLUG")
        String slug;

        @Parameters(index = "1", paramLabel = "ID", description = "The public incident's id.")
        String id;

        @Option(
                names = "--status",
                required = true,
                description = "investigating, identified, monitoring, resolved (maintenance: in_progress, completed).")
        String status;

        @Option(names = "--body", required = true, description = "The update, for the public.")
        String body;

        @Override
        public Integer call() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("status", status);
            request.put("body", body);
            JsonNode updated = api.client()
                    .postJson(
                            PATH + "/" + slug + "/incidents/" + id + "/updates",
                            ApiClient.json().writeValueAsString(request));
            spec.commandLine()
                    .getOut()
                    .println(updated.get("publicId").asString() + " "
                            + updated.get("status").asString().toLowerCase());
            return 0;
        }
    }
}
