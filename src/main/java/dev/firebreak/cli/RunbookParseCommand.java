package dev.firebreak.cli;

import dev.firebreak.runbook.RunbookParser;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        if (format == Format.json && files.size() == 1 && !Files.isDirectory(paths.get(0))) {
            RunbookFiles.Parsed parsed = RunbookFiles.parseOne(parser, files.get(0));
            if (parsed.error() != null) {
                throw new CliException(parsed.error(), 2);
            }
            out.println(ModelJson.write(parsed.model()));
            out.flush();
            return 0;
        }
        boolean array = format == Format.json;
        boolean[] first = {true};
        int[] exit = {0};
        if (array) {
            out.print('[');
        }
        RunbookFiles.parseAll(parser, files, p -> {
            if (array) {
                out.print(first[0] ? "" : ",");
                out.print(line(p));
            } else {
                out.println(line(p));
            }
            first[0] = false;
            exit[0] = p.error() != null ? 2 : exit[0];
        });
        if (array) {
            out.println(']');
        }
        out.flush();
        return exit[0];
    }

    /** A model with a leading "source" key, or {"source", "error"} for a file that cannot be read. */
    private static String line(RunbookFiles.Parsed p) {
        return p.error() != null
                ? ModelJson.write(p.source(), Map.of("error", p.error()))
                : ModelJson.write(p.source(), p.model());
    }
}
