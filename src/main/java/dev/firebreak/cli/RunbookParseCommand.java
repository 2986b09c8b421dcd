package dev.firebreak.cli;

import dev.firebreak.runbook.RunbookParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code runbook parse PATH... [--format json|jsonl]}: prints the runbook model. No Spring context:
 * it answers in a fraction of a second.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Print the runbook model of Markdown files as JSON.",
            "json: one object (one file). jsonl: one model per line with a \"source\" key; directories are"
                    + " walked for *.md, *.markdown and *.txt. Exit 2 when a file cannot be read."
        })
final class RunbookParseCommand implements Callable<Integer> {
    enum Format {
        json,
        jsonl
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Runbook files or directories.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "json", description = "json or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        RunbookParser parser = new RunbookParser();
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = RunbookFiles.expand(paths);
        if (format == Format.json && files.size() == 1 && !java.nio.file.Files.isDirectory(paths.get(0))) {
            RunbookFiles.Parsed parsed = RunbookFiles.parseOne(parser, files.get(0));
            if (parsed.error() != null) {
                throw new CliException(parsed.error(), 2);
            }
            out.println(RunbookFiles.JSON.writeValueAsString(parsed.model()));
            out.flush();
            return 0;
        }
        int exit = 0;
        List<RunbookFiles.Parsed> all = RunbookFiles.parseAll(parser, files);
        if (format == Format.json) {
            List<Object> array = new java.util.ArrayList<>();
            for (RunbookFiles.Parsed p : all) {
                array.add(line(p));
                exit = p.error() != null ? 2 : exit;
            }
            out.println(RunbookFiles.JSON.writeValueAsString(array));
        } else {
            for (RunbookFiles.Parsed p : all) {
                out.println(RunbookFiles.JSON.writeValueAsString(line(p)));
                exit = p.error() != null ? 2 : exit;
            }
        }
        out.flush();
        return exit;
    }

    private static Object line(RunbookFiles.Parsed p) {
        if (p.error() != null) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("source", p.source());
            error.put("error", p.error());
            return error;
        }
        ObjectNode node = RunbookFiles.JSON.createObjectNode();
        node.put("source", p.source());
        node.setAll((ObjectNode) RunbookFiles.JSON.valueToTree(p.model()));
        return node;
    }
}
