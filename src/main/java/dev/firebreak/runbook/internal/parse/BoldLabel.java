package dev.firebreak.runbook.internal.parse;

import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * A paragraph that opens with a bold label: {@code **Symptoms:**}, {@code **Resolution Time:** <
 * 30 minutes}, {@code **Action**: Restart workers}.
 *
 * @param label the label without its colon
 * @param rest the text after the label and colon (may be empty)
 */
record BoldLabel(String label, String rest) {

    /** The label of a paragraph, or null when it does not open with a bold label and a colon. */
    static BoldLabel of(Node node) {
        if (!(node instanceof Paragraph p)
                || !(p.getFirstChild() instanceof StrongEmphasis || p.getFirstChild() instanceof Emphasis)) {
            return null;
        }
        Node strong = p.getFirstChild();
        String label = MarkdownTree.text(strong).strip();
        StringBuilder rest = new StringBuilder();
        for (Node n = strong.getNext(); n != null; n = n.getNext()) {
            rest.append(n instanceof Text t ? t.getLiteral() : MarkdownTree.text(n));
            if (!(n instanceof Text)) {
                rest.append(' ');
            }
        }
        String after = MarkdownTree.collapseSpace(rest.toString()).strip();
        if (label.endsWith(":")) {
            return new BoldLabel(label.substring(0, label.length() - 1).strip(), after);
        }
        if (after.startsWith(":")) {
            return new BoldLabel(label, after.substring(1).strip());
        }
        if (after.isEmpty()) {
            return new BoldLabel(label, "");
        }
        return null;
    }

    /** True for a label that stands alone on its paragraph and ends with a colon. */
    boolean heading() {
        return rest.isEmpty();
    }
}
