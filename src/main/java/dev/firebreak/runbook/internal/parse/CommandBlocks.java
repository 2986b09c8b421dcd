package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Command;
import dev.firebreak.runbook.internal.risk.CommandRiskClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Every fenced code block of a document as a command entry, in order. Blocks in an executable
 * language get their risk from the {@link CommandRiskClassifier}, which also sees the prose around
 * the block (a "USE WITH CAUTION" before it, a "WARNING: destructive" after it).
 */
final class CommandBlocks {
    private static final int MAX_CONTEXT = 1_000;
    private static final Pattern CAUTION = Pattern.compile(
            "(?i)\\b(?:caution|warning|danger|dangerous|destructive|irreversible|data loss|careful|do not run)\\b");

    /** A fenced block with what the model says about it. */
    record Block(FencedCodeBlock node, Command command) {}

    private CommandBlocks() {}

    static List<Block> of(Document document, Outline outline, CommandRiskClassifier classifier) {
        List<Block> blocks = new ArrayList<>();
        for (FencedCodeBlock fence : MarkdownTree.all(document, FencedCodeBlock.class)) {
            int line = MarkdownTree.line(fence);
            String code = fence.getLiteral() == null ? "" : fence.getLiteral();
            String language = CodeLanguage.of(fence.getInfo(), code);
            String risk = null;
            List<String> reasons = List.of();
            if (CodeLanguage.executable(language)) {
                CommandRiskClassifier.Assessment assessment = classifier.classify(language, code, context(fence));
                if (assessment != null) {
                    risk = assessment.risk();
                    reasons = assessment.reasons() == null ? List.of() : List.copyOf(assessment.reasons());
                }
            }
            Outline.Part part = outline.at(line);
            blocks.add(new Block(
                    fence, new Command(part == null ? null : part.anchor, line, language, code, risk, reasons)));
        }
        return blocks;
    }

    /** The prose just before a block, and a caution line right after it. */
    static String context(FencedCodeBlock fence) {
        StringBuilder context = new StringBuilder();
        Node before = fence.getPrevious();
        if (before == null) {
            // the block opens its list item or quote: what precedes that container leads into it
            Node container = fence.getParent();
            while (container != null && !(container instanceof Document) && container.getPrevious() == null) {
                container = container.getParent();
            }
            before = container == null || container instanceof Document ? null : container.getPrevious();
        }
        if (before != null && prose(before)) {
            context.append(clip(MarkdownTree.text(before)));
        }
        // a caution about the block is a paragraph or quote right after it; a heading starts something new
        Node after = fence.getNext();
        if (after instanceof Paragraph || after instanceof BlockQuote) {
            String text = clip(MarkdownTree.text(after));
            if (CAUTION.matcher(text).find()) {
                context.append('\n').append(text);
            }
        }
        return context.toString().strip();
    }

    private static boolean prose(Node node) {
        return node instanceof Paragraph
                || node instanceof ListBlock
                || node instanceof BlockQuote
                || node instanceof Heading;
    }

    private static String clip(String text) {
        return text.length() <= MAX_CONTEXT ? text : text.substring(text.length() - MAX_CONTEXT);
    }
}
