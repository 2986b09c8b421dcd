package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookMarkdown;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookModel.AlertRule;
import dev.firebreak.runbook.RunbookModel.Command;
import dev.firebreak.runbook.RunbookModel.DecisionTree;
import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.Template;
import dev.firebreak.runbook.internal.risk.CommandRiskClassifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Turns the text of one runbook into its model. Stateless apart from its configuration, so one
 * instance serves many threads.
 */
public final class RunbookReader {
    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .customDelimiterProcessor(new Strikethrough.Delimiters())
            .maxOpenBlockParsers(RunbookMarkdown.MAX_NESTING)
            .build();
    private final Clock clock;
    private final CommandRiskClassifier classifier;

    public RunbookReader(Clock clock, CommandRiskClassifier classifier) {
        this.clock = clock;
        this.classifier = classifier;
    }

    /** The model of a runbook whose text was already checked; baseDir may be null (no file system). */
    public RunbookModel read(String name, RunbookSource source, Path baseDir) {
        Document document = (Document) parser.parse(source.body());
        String[] lines = source.body().split("\n", -1);
        Outline outline = Outline.of(document);
        List<Finding> findings = new ArrayList<>();

        List<CommandBlocks.Block> blocks = CommandBlocks.of(document, outline, classifier);
        List<DecisionTree> trees = new ArrayList<>();
        List<DecisionTrees.TreeLink> treeLinks = new ArrayList<>();
        List<AlertRule> alertRules = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (CommandBlocks.Block block : blocks) {
            if (CodeLanguage.boxDrawn(block.command().code())
                    && !CodeLanguage.executable(block.command().language())) {
                DecisionTree tree = DecisionTrees.fromBox(
                        block.command().code(), block.command().line() + 1, treeLinks);
                if (tree != null) {
                    trees.add(tree);
                }
            }
            AlertRules.of(block, outline).ifPresent(alertRules::add);
            Templates.of(block, outline).ifPresent(templates::add);
        }
        Tables tables = new Tables();
        MarkdownTree.all(document, TableBlock.class).forEach(tables::read);
        ProseSchemes prose = new ProseSchemes();
        for (Outline.Part part : outline.parts()) {
            prose.readSeverities(part);
            prose.readContacts(part);
            for (var block : part.blocks) {
                if (block instanceof ListBlock list) {
                    DecisionTree tree = DecisionTrees.fromList(part.title, list);
                    if (tree != null) {
                        trees.add(tree);
                    }
                }
            }
        }
        findings.addAll(tables.findings);
        findings.addAll(prose.findings);
        List<Procedures.Found> procedures = Procedures.of(outline);
        for (Procedures.Found p : procedures) {
            for (String missing : p.missing()) {
                findings.add(new Finding(
                        "missing-section",
                        "warning",
                        "procedure '" + p.procedure().title() + "' has no " + missing + " section",
                        p.line()));
            }
        }
        List<RunbookModel.Link> links = RunbookLinks.of(document, treeLinks, outline, baseDir, findings);
        RunbookModel.Metadata metadata =
                MetadataLines.read(document, lines, outline, source.frontMatter(), clock, findings);
        if (source.mojibakeLine() > 0) {
            findings.add(new Finding(
                    "mojibake",
                    "warning",
                    "double-encoded UTF-8 (mojibake) repaired in the model; first on line " + source.mojibakeLine(),
                    source.mojibakeLine()));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        List<Command> commands =
                blocks.stream().map(CommandBlocks.Block::command).toList();
        return new RunbookModel(
                title(document, source, name),
                metadata,
                outline.sections(),
                procedures.stream().map(Procedures.Found::procedure).toList(),
                Located.inOrder(tables.severityLevels, prose.severityLevels),
                List.copyOf(tables.escalationMatrix),
                List.copyOf(tables.classifications),
                Located.inOrder(tables.contacts, prose.contacts),
                trees,
                alertRules,
                templates,
                commands,
                links,
                findings);
    }

    private static String title(Document document, RunbookSource source, String name) {
        for (Heading h : MarkdownTree.all(document, Heading.class)) {
            if (h.getLevel() == 1) {
                String text = MarkdownTree.headingText(h);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        Object title = source.frontMatter().get("title");
        if (title != null && !String.valueOf(title).isBlank()) {
            return String.valueOf(title).strip();
        }
        return name;
    }
}
