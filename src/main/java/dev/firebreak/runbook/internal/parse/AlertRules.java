package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.AlertRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * PromQL alert conditions written in the runbook with their action: a promql block followed by an
 * {@code **Action**: ...} line, named by the list item or paragraph that introduces it, with the
 * severity its heading gives ("Critical Alerts", "Warning Alerts").
 */
final class AlertRules {
    private static final Pattern ACTION =
            Pattern.compile("(?i)^\\s*(?:action|actions|response|what to do)\\s*:\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern SEVERITY =
            Pattern.compile("(?i)\\b(critical|warning|info|page|ticket|high|medium|low)\\b");

    private AlertRules() {}

    static Optional<AlertRule> of(CommandBlocks.Block block, Outline outline) {
        if (!"promql".equals(block.command().language())) {
            return Optional.empty();
        }
        String action = null;
        // the action follows the block directly: the next list or paragraph, not one further down
        int looked = 0;
        for (Node n = block.node().getNext();
                n != null && action == null && looked < 2 && (n instanceof ListBlock || n instanceof Paragraph);
                n = n.getNext(), looked++) {
            for (Node item : n instanceof ListBlock ? MarkdownTree.all(n, ListItem.class) : List.of(n)) {
                Matcher m = ACTION.matcher(MarkdownTree.text(item));
                if (m.matches()) {
                    action = m.group(1).strip();
                    break;
                }
            }
        }
        if (action == null) {
            return Optional.empty();
        }
        String name = null;
        Node previous = block.node().getPrevious();
        if (previous instanceof Paragraph) {
            name = MarkdownTree.text(previous).replaceAll(":$", "").strip();
        }
        Outline.Part part = outline.at(block.command().line());
        if (name == null && part != null) {
            name = part.title;
        }
        String severity = null;
        for (String title : part == null ? List.<String>of() : part.titles()) {
            Matcher m = SEVERITY.matcher(title);
            if (m.find()) {
                severity = m.group(1).toLowerCase(Locale.ROOT);
                break;
            }
        }
        return Optional.of(new AlertRule(name, block.command().code().strip(), severity, action));
    }
}
