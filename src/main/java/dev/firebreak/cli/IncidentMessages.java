package dev.firebreak.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code incident messages ID}: the delivery ledger of one incident, a line per attempt. */
@Command(
        name = "messages",
        mixinStandardHelpOptions = true,
        description = "Show who was notified about an incident, how, and each attempt's answer.")
final class IncidentMessages extends IncidentCommand.OnIncident {
    @Option(names = "--format", defaultValue = "text", description = "text or json.", paramLabel = "FORMAT")
    String format;

    @Override
    public Integer call() {
        IncidentCommand.check(format);
        JsonNode messages = api.client().getJson("/api/v1/incidents/" + id + "/messages");
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(ApiClient.json().writeValueAsString(messages));
            return 0;
        }
        if (messages.isEmpty()) {
            out.println("no messages for incident " + id);
            return 0;
        }
        for (JsonNode m : messages) {
            out.printf(
                    "%-7s %-16s %-10s %-10s %s%n",
                    m.get("id").asString(),
                    m.get("recipient").asString(),
                    m.get("channel").asString(),
                    m.get("state").asString().toLowerCase(),
                    m.path("lastError").asString(""));
            for (JsonNode a : m.get("attemptLog")) {
                out.printf(
                        "        %s  %s%s  %d ms%n",
                        a.get("startedAt").asString(),
                        a.get("outcome").asString().toLowerCase(),
                        a.hasNonNull("status") ? " " + a.get("status").asString() : "",
                        a.get("latencyMillis").asLong());
            }
        }
        return 0;
    }
}
