package dev.firebreak.cli;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookSlug;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Upload every *.md, *.markdown and *.txt under DIR to the server's library.",
            "Slugs are the file paths below DIR joined with '-'. Prints created, updated, unchanged or"
                    + " error per file; exits 1 if any file failed."
        })
final class RunbookImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory (or single file) to import.")
    Path root;

    @Override
    public Integer call() {
        if (!Files.exists(root)) {
            throw new CliException(root + ": no such file or directory", 2);
        }
        ApiClient client = api.client();
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        int[] counts = new int[3];
        for (Path file : files()) {
            Path relative = Files.isDirectory(root) ? root.relativize(file) : file.getFileName();
            try {
                String slug = RunbookSlug.fromPath(relative).value();
                JsonNode answer = client.put(
                        "/api/v1/runbooks/" + slug + "?source=import&fileName="
                                + ApiClient.encode(file.getFileName().toString()),
                        "text/markdown; charset=utf-8",
                        Files.readAllBytes(file));
                String outcome = answer.get("outcome").asString();
                counts[
                        switch (outcome) {
                            case "created" -> 0;
                            case "updated" -> 1;
                            default -> 2;
                        }]++;
                out.printf(
                        "%-9s %s -> %s v%d%n",
                        outcome, relative, slug, answer.get("version").asInt());
            } catch (CliException | FirebreakException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("cannot connect")) {
                    throw e; // the server is gone: every other file would fail the same way
                }
                errors++;
                out.printf("%-9s %s: %s%n", "error", relative, e.getMessage());
            } catch (IOException e) {
                errors++;
                out.printf("%-9s %s: cannot read: %s%n", "error", relative, e.getMessage());
            }
            out.flush();
        }
        out.printf("%d created, %d updated, %d unchanged, %d errors%n", counts[0], counts[1], counts[2], errors);
        return errors > 0 ? 1 : 0;
    }

    private List<Path> files() {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(RunbookSlug::importable)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CliException("cannot read " + root + ": " + e.getMessage(), 2);
        }
    }
}
