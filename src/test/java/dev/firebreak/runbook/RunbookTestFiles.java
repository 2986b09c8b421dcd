package dev.firebreak.runbook;

import dev.firebreak.runbook.internal.risk.CommandRiskClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The test runbooks under src/test/resources/runbooks, parsed with a fixed clock (2024-06-01). */
final class RunbookTestFiles {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final RunbookParser PARSER = new RunbookParser(CLOCK, new CommandRiskClassifier());

    private RunbookTestFiles() {}

    static byte[] bytes(String name) {
        try (InputStream in = RunbookTestFiles.class.getResourceAsStream("/runbooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test runbook " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a test runbook with no file system beside it (relative links stay unresolved). */
    static RunbookModel parse(String name) {
        return PARSER.parse(name, bytes(name), null);
    }

    /** Parses a test runbook as a file, so relative links resolve beside it. */
    static RunbookModel parseFile(String name) {
        try {
            return PARSER.parse(Path.of(
                    RunbookTestFiles.class.getResource("/runbooks/" + name).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunbookModel parseText(String markdown) {
        return PARSER.parse("test.md", markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    static List<RunbookModel.Section> flatten(List<RunbookModel.Section> sections) {
        List<RunbookModel.Section> out = new ArrayList<>();
        for (RunbookModel.Section s : sections) {
            out.add(s);
            out.addAll(flatten(s.children()));
        }
        return out;
    }

    static List<RunbookModel.Node> leaves(RunbookModel.Node node) {
        List<RunbookModel.Node> out = new ArrayList<>();
        if (node.children().isEmpty()) {
            out.add(node);
        }
        node.children().forEach(c -> out.addAll(leaves(c)));
        return out;
    }
}
