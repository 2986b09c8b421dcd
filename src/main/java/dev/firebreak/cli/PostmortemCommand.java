package dev.firebreak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak postmortem draft|list|show|export|state}: postmortems of resolved incidents. */
@Command(
        name = "postmortem",
        mixinStandardHelpOptions = true,
        description = "Draft, list, show, export and move postmortems.",
        subcommands = {
            PostmortemCommand.Draft.class,
            PostmortemCommand.ListAll.class,
            PostmortemCommand.Show.class,
            PostmortemCommand.Export.class,
            PostmortemCommand.State.class
        })
final class PostmortemCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(
            name = "draft",
            mixinStandardHelpOptions = true,
            description = "Draft the postmortem of a resolved incident.")
    static final class Draft implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "INCIDENT")
        long incident;

        @Override
        public Integer call() {
            JsonNode p = api.client().postJson("/api/v1/incidents/" + incident + "/postmortem", "");
            spec.commandLine()
                    .getOut()
                    .println("postmortem " + p.get("id").asLong() + " drafted: "
                            + p.get("title").asString());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Postmortems, newest first.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Option(names = "--state", description = "draft, in_review or published.")
        String state;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String query = state == null ? "" : "?state=" + ApiClient.encode(state);
            for (JsonNode p : api.client().getJson("/api/v1/postmortems" + query)) {
                out.printf(
                        "%-5s %-10s incident %-6s %s%n",
                        p.get("id").asLong(),
                        p.get("state").asString().toLowerCase(),
                        p.get("incidentId").asLong(),
                        p.get("title").asString());
            }
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "The postmortem's Markdown with its tracked action items.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "POSTMORTEM")
        long id;

        @Override
        public Integer call() {
            byte[] md = api.client().getBytes("/api/v1/postmortems/" + id + "/export?format=md");
            spec.commandLine().getOut().print(new String(md, java.nio.charset.StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the postmortem to a file.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "POSTMORTEM")
        long id;

        @Option(names = "--format", defaultValue = "md", description = "md or pdf (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(
                names = {"-o", "--output"},
                required = true,
                description = "The file to write.")
        Path output;

        @Override
        public Integer call() {
            if (!format.equals("md") && !format.equals("pdf")) {
                throw new CliException("--format is md or pdf, not '" + format + "'", 2);
            }
            byte[] body = api.client().getBytes("/api/v1/postmortems/" + id + "/export?format=" + format);
            try {
                Files.write(output, body);
            } catch (IOException e) {
                throw new CliException("cannot write " + output + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println("wrote " + output + " (" + body.length + " bytes)");
            return 0;
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true, description = "Move it: draft, in_review, published.")
    static final class State implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ApiOptions api;

        @Parameters(index = "0", paramLabel = "POSTMORTEM")
        long id;

        @Parameters(index = "1", paramLabel = "STATE")
        String state;

        @Override
        public Integer call() {
            int version = api.client()
                    .getJson("/api/v1/postmortems/" + id)
                    .get("version")
                    .asInt();
            JsonNode p = api.client()
                    .postJson(
                            "/api/v1/postmortems/" + id + "/state",
                            ApiClient.json().writeValueAsString(java.util.Map.of("state", state, "version", version)));
            spec.commandLine()
                    .getOut()
                    .println("postmortem " + id + " is "
                            + p.get("state").asString().toLowerCase());
            return 0;
        }
    }
}
