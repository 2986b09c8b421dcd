package dev.firebreak.runbook.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Walks of the CommonMark node tree. All of them are iterative (parent and sibling pointers, no
 * recursion), so a deeply nested document cannot overflow the stack.
 */
final class MarkdownTree {
    /** White space as JavaScript's trim() and \\s know it (wider than Java's: no-break spaces too). */
    static final String WHITE_SPACE =
            "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

    private static final Pattern EDGE_SPACE = Pattern.compile("^" + WHITE_SPACE + "+|" + WHITE_SPACE + "+$");

    private MarkdownTree() {}

    /** Visits the descendants of root in document order; a visitor returning false skips a subtree. */
    static void walk(Node root, Predicate<Node> visitor) {
        Node node = root.getFirstChild();
        while (node != null) {
            boolean descend = visitor.test(node);
            if (descend && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == root ? null : node.getNext();
        }
    }

    /** The descendants of root of one type, in document order. */
    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        walk(root, n -> {
            if (type.isInstance(n)) {
                found.add(type.cast(n));
            }
            return true;
        });
        return found;
    }

    /** Readable text: text and code spans, line breaks as spaces, image alt text kept. */
    static String text(Node root) {
        StringBuilder out = new StringBuilder();
        if (root instanceof Text t) {
            return t.getLiteral();
        }
        walk(root, n -> {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                out.append(' ');
            }
            return true;
        });
        return collapseSpace(out.toString()).strip();
    }

    /**
     * A heading's title as GitHub renders it for anchors: its text and code spans joined, without
     * image alt text or line breaks.
     */
    static String headingText(Node heading) {
        StringBuilder out = new StringBuilder();
        walk(heading, n -> {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            }
            return !(n instanceof Image);
        });
        return trim(out.toString());
    }

    /**
     * Runs of ASCII white space ({@code \\s} in a regex) as one space: a loop, because this runs for
     * every text node and a regex costs a cold JVM far more than the work.
     */
    static String collapseSpace(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r');
            if (space && (c != ' ' || (i + 1 < text.length() && isSpace(text.charAt(i + 1))))) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < text.length() && isSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Trims white space the way GitHub's and markdown-it's JavaScript does, no-break spaces included. */
    static String trim(String text) {
        return EDGE_SPACE.matcher(text).replaceAll("");
    }

    /** 1-based line where a node starts, or 0 when the parser gave no source position. */
    static int line(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    /** True when node lies inside an ancestor of the given type. */
    static boolean inside(Node node, Class<? extends Node> type) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }
}
