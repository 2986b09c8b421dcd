package dev.firebreak.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak triage INCIDENT}: walks the runbook's decision tree one question at a time (or
 * with {@code --answer} given up front) and writes the path taken to the incident's timeline.
 */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        description = "Walk the incident runbook's decision tree; the path goes on the timeline.")
final class TriageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    long incident;

    @Option(names = "--tree", defaultValue = "0", description = "Which decision tree (default: the first).")
    int tree;

    @Option(names = "--answer", paramLabel = "N", description = "The answers, in order (1 is the first choice).")
    List<Integer> answers = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ApiClient client = api.client();
        PrintWriter out = spec.commandLine().getOut();
        JsonNode trees = client.getJson("/api/v1/incidents/" + incident + "/triage");
        if (trees.isEmpty()) {
            throw new CliException("the incident's runbook has no decision tree");
        }
        if (tree < 0 || tree >= trees.size()) {
            throw new CliException("--tree must be 0 to " + (trees.size() - 1), 2);
        }
        JsonNode node = trees.get(tree).get("root");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<Integer> path = new ArrayList<>();
        while (!node.get("children").isEmpty()) {
            JsonNode children = node.get("children");
            out.println(node.get("label").asString());
            for (int i = 0; i < children.size(); i++) {
                out.printf("  %d. %s%n", i + 1, children.get(i).get("label").asString());
            }
            int choice;
            if (path.size() < answers.size()) {
                choice = answers.get(path.size());
            } else {
                out.print("answer (1-" + children.size() + ", q to stop): ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equalsIgnoreCase("q")) {
                    throw new CliException("triage stopped; nothing written");
                }
                try {
                    choice = Integer.parseInt(line.strip());
                } catch (NumberFormatException e) {
                    out.println("type a number from 1 to " + children.size());
                    continue;
                }
            }
            if (choice < 1 || choice > children.size()) {
                if (path.size() < answers.size()) {
                    throw new CliException("answer " + (path.size() + 1) + " must be 1 to " + children.size(), 2);
                }
                out.println("type a number from 1 to " + children.size());
                continue;
            }
            path.add(choice - 1);
            node = children.get(choice - 1);
        }
        var body = ApiClient.json().createObjectNode().put("tree", tree);
        path.forEach(body.putArray("path")::add);
        JsonNode walk = client.postJson("/api/v1/incidents/" + incident + "/triage", body.toString());
        String end = walk.get("procedure").isNull()
                ? (walk.get("target").isNull()
                        ? ""
                        : " -> " + walk.get("target").asString())
                : " -> " + walk.get("procedure").asString();
        out.println(String.join(
                        " -> ",
                        walk.get("path").valueStream().map(JsonNode::asString).toList())
                + end);
        if (!walk.get("target").isNull()) {
            out.println("next: firebreak checklist " + incident + " "
                    + walk.get("target").asString());
        }
        return 0;
    }
}
