package dev.firebreak.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firebreak report}: the analytics numbers (GET /api/v1/analytics) as text, JSON or CSV. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Incident analytics: time to acknowledge and resolve per cycle, repeats, pages, noisy alerts.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(
            names = "--since",
            defaultValue = "30d",
            description = "Span back (30d, 12h, 2w) or a date (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--until", description = "End of the range: a span back, a date or an instant (default: now).")
    String until;

    @Option(names = "--service", description = "Only this service's incidents.")
    String service;

    @Option(names = "--severity", description = "Only incidents of this severity.")
    String severity;

    @Option(names = "--team", description = "Only the services of this team.")
    String team;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new CliException("--format must be text, json or csv, not '" + format + "'", 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        String query = query();
        if (format.equals("csv")) {
            out.print(api.client().getText("/api/v1/analytics/csv" + query, "text/csv"));
            out.flush();
            return 0;
        }
        JsonNode report = api.client().getJson("/api/v1/analytics" + query);
        if (format.equals("json")) {
            out.println(ApiClient.pretty(report));
            return 0;
        }
        ReportText.print(out, report);
        return 0;
    }

    private String query() {
        List<String> params = new ArrayList<>();
        add(params, "since", since);
        add(params, "until", until);
        add(params, "service", service);
        add(params, "severity", severity);
        add(params, "team", team);
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name + "=" + ApiClient.encode(value.strip()));
        }
    }
}
