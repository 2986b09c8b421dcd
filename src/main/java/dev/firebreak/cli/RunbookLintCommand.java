package dev.firebreak.cli;

import dev.firebreak.notify.MessageTemplates;
import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runbook lint PATH... [--format text|json|github]}: prints the findings of every file.
 * Exit 1 when any finding is an error, 2 when a file cannot be read, else 0.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Print the findings of runbook files: broken anchors, missing files, stale or invalid metadata,",
            "message-template placeholders no incident field fills (template-placeholder), ...",
            "text: path:line: severity rule: message. json: an array. github: workflow annotations.",
            "Exit 1 when any finding is an error, 2 when a file cannot be read."
        })
final class RunbookLintCommand implements Callable<Integer> {
    enum Format {
        text,
        json,
        github
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Runbook files or directories.")
    List<Path> paths;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json or github (default: ${DEFAULT-VALUE}).")
    Format format;

    private boolean unreadable;
    private boolean errors;
    private final List<Map<String, Object>> json = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunbookFiles.parseAll(new RunbookParser(), RunbookFiles.expand(paths), p -> report(p, out, err));
        if (format == Format.json) {
            out.println(ModelJson.write(json));
        }
        out.flush();
        err.flush();
        return unreadable ? 2 : errors ? 1 : 0;
    }

    private void report(RunbookFiles.Parsed p, PrintWriter out, PrintWriter err) {
        if (p.error() != null) {
            unreadable = true;
            err.println("firebreak: " + p.error());
            return;
        }
        // The parser's findings, then the message templates' placeholders no incident field fills.
        List<Finding> findings = new ArrayList<>(p.model().findings());
        findings.addAll(MessageTemplates.findings(p.model()));
        for (Finding f : findings) {
            errors |= "error".equals(f.severity());
            switch (format) {
                case text ->
                    out.println(
                            p.source() + ":" + f.line() + ": " + f.severity() + " " + f.rule() + ": " + f.message());
                case github ->
                    out.println("::" + githubLevel(f.severity()) + " file=" + property(p.source())
                            + ",line=" + Math.max(1, f.line()) + ",title=" + property(f.rule()) + "::"
                            + data(f.message()));
                case json -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("source", p.source());
                    row.put("line", f.line());
                    row.put("severity", f.severity());
                    row.put("rule", f.rule());
                    row.put("message", f.message());
                    json.add(row);
                }
            }
        }
    }

    private static String githubLevel(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "notice";
        };
    }

    /** Escapes a workflow-command message (GitHub's escapeData). */
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow-command property (GitHub's escapeProperty). */
    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
