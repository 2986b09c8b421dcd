package dev.firebreak.runbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * The Markdown limits that every reader and renderer of a runbook shares: the page, its versions
 * and later postmortems render what the parser read, so what cannot be shown is refused at save.
 */
public final class RunbookMarkdown {
    /** Deeper nesting of lists and block quotes is read as text: bounds time and memory. */
    public static final int MAX_NESTING = 100;

    /** Deepest tree of nodes a renderer walks (it recurses): nested emphasis and links count too. */
    public static final int MAX_DEPTH = 200;

    private RunbookMarkdown() {}

    /** A CommonMark parser with the runbook limits and the given extensions. */
    public static Parser parser(List<Extension> extensions) {
        return Parser.builder()
                .extensions(extensions)
                .maxOpenBlockParsers(MAX_NESTING)
                .build();
    }

    /** How deep the tree under {@code root} goes, counted without recursion. */
    public static int depth(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        int deepest = 0;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }

    /** Refuses a runbook no page could render, with a message that says where the limit is. */
    static void checkRenderable(String name, String text) {
        int depth =
                RunbookParser.onLargeStack(name, () -> depth(parser(List.of()).parse(text)));
        if (depth > MAX_DEPTH) {
            throw new UnreadableRunbookException(name + ": nested " + depth + " levels deep (emphasis, links,"
                    + " lists or quotes inside each other); a page shows at most " + MAX_DEPTH);
        }
    }
}
