package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search the server's runbooks by text, or find the runbooks for an alert.")
final class RunbookSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "Words to search for.")
    String text;

    @Option(names = "--alert", paramLabel = "NAME", description = "Rank runbooks for this alert name first.")
    String alert;

    @Option(names = "--limit", defaultValue = "10", description = "Most hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).",
            paramLabel = "FORMAT")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException("--format must be text or json", 2);
        }
        boolean hasText = text != null && !text.isBlank();
        if (!hasText && (alert == null || alert.isBlank())) {
            throw new CliException("give search TEXT or --alert NAME", 2);
        }
        StringBuilder query = new StringBuilder("/api/v1/runbooks/search?limit=").append(limit);
        if (alert != null && !alert.isBlank()) {
            query.append("&alert=").append(ApiClient.encode(alert));
            if (hasText) {
                query.append("&annotation.summary=").append(ApiClient.encode(text));
            }
        } else {
            query.append("&q=").append(ApiClient.encode(text));
        }
        JsonNode answer = api.client().getJson(query.toString());
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(ApiClient.json().writeValueAsString(answer.get("hits")));
            return 0;
        }
        if (answer.get("hits").isEmpty()) {
            out.println("no runbooks found");
        }
        for (JsonNode hit : answer.get("hits")) {
            out.printf(
                    "%-40s %7.2f  %s%n",
                    hit.get("slug").asString(),
                    hit.get("score").asDouble(),
                    hit.get("title").asString());
            String snippet = hit.path("snippet").asString("");
            if (!snippet.isBlank()) {
                out.println("    " + snippet);
            }
        }
        return 0;
    }
}
