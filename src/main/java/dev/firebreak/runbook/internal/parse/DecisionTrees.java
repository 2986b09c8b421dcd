package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.DecisionTree;
import dev.firebreak.runbook.RunbookModel.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;

/**
 * Decision trees: drawn with box characters in a fenced block ({@code ├── Schema Gate Failed? → Go
 * to [Schema Issues](#schema-issues)}), or written as nested lists under a "Decision Tree"-like
 * heading. Built iteratively; list trees stop at {@value #MAX_DEPTH} levels.
 */
final class DecisionTrees {
    static final int MAX_DEPTH = 64;
    private static final Pattern BRANCH = Pattern.compile("(?:├──|└──|├─|└─|\\|--|\\+--|`--|\\\\--)-*\\s*");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern TREE_HEADING =
            Pattern.compile("(?i).*\\b(?:decision|tree|flow ?chart|flow|triage)\\b.*");

    /** A target named inside a box-drawn tree, with the file line it sits on. */
    record TreeLink(String text, String target, int line) {}

    private static final class Builder {
        final String label;
        final String target;
        /** The column of a box-drawn branch, or the depth of a list item. */
        final int column;

        final List<Builder> children = new ArrayList<>();

        Builder(String label, String target, int column) {
            this.label = label;
            this.target = target;
            this.column = column;
        }
    }

    private DecisionTrees() {}

    /** A tree drawn in a code block whose first line is at firstLine, or null when it is none. */
    static DecisionTree fromBox(String code, int firstLine, List<TreeLink> links) {
        String[] lines = LINE_BREAK.split(code);
        Builder root = null;
        Deque<Builder> open = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher branch = BRANCH.matcher(line);
            boolean isBranch = branch.find();
            String raw = isBranch ? line.substring(branch.end()) : line.strip();
            if (raw.isBlank() || (!isBranch && root != null)) {
                continue;
            }
            Matcher link = MARKDOWN_LINK.matcher(raw);
            String target = null;
            if (link.find()) {
                target = LinkTarget.normalize(link.group(2));
                links.add(new TreeLink(link.group(1), target, firstLine + i));
            }
            String label = MARKDOWN_LINK.matcher(raw).replaceAll("$1").strip();
            Builder node = new Builder(label, target, isBranch ? branch.start() : -1);
            if (root == null) {
                root = node;
                open.push(node);
                continue;
            }
            while (open.size() > 1 && (open.peek().column >= node.column || open.size() >= MAX_DEPTH)) {
                open.pop();
            }
            open.peek().children.add(node);
            open.push(node);
        }
        return root == null || root.children.isEmpty() ? null : new DecisionTree(freeze(root));
    }

    /** A tree written as a nested list under a heading that names a decision tree or triage flow. */
    static DecisionTree fromList(String heading, ListBlock list) {
        if (!TREE_HEADING.matcher(heading).matches() || !nested(list)) {
            return null;
        }
        List<ListItem> items = new ArrayList<>();
        for (org.commonmark.node.Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item) {
                items.add(item);
            }
        }
        Builder root;
        if (items.size() == 1) {
            root = item(items.get(0), 0);
            addChildren(root, items.get(0));
        } else {
            root = new Builder(heading, null, 0);
            for (ListItem item : items) {
                Builder child = item(item, 1);
                root.children.add(child);
                addChildren(child, item);
            }
        }
        return new DecisionTree(freeze(root));
    }

    /** A list item still to be read, with the tree node it becomes. */
    private record Pending(Builder node, ListItem item) {}

    private static void addChildren(Builder parent, ListItem item) {
        Deque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(parent, item));
        while (!todo.isEmpty()) {
            Pending next = todo.pop();
            if (next.node().column >= MAX_DEPTH) {
                continue;
            }
            for (org.commonmark.node.Node n = next.item().getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof ListBlock sub) {
                    for (org.commonmark.node.Node c = sub.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof ListItem childItem) {
                            Builder child = item(childItem, next.node().column + 1);
                            next.node().children.add(child);
                            todo.push(new Pending(child, childItem));
                        }
                    }
                }
            }
        }
    }

    private static Builder item(ListItem item, int depth) {
        String label = "";
        String target = null;
        if (item.getFirstChild() instanceof Paragraph p) {
            label = MarkdownTree.text(p);
            Link link = MarkdownTree.all(p, Link.class).stream().findFirst().orElse(null);
            target = link == null ? null : LinkTarget.normalize(link.getDestination());
        }
        return new Builder(label, target, depth);
    }

    private static boolean nested(ListBlock list) {
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            for (org.commonmark.node.Node n = item.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof ListBlock) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the builder tree into model nodes, children first, without recursion. */
    private static Node freeze(Builder root) {
        java.util.Map<Builder, Node> done = new java.util.IdentityHashMap<>();
        Deque<Builder> todo = new ArrayDeque<>();
        List<Builder> order = new ArrayList<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Builder b = todo.pop();
            order.add(b);
            b.children.forEach(todo::push);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Builder b = order.get(i);
            done.put(
                    b,
                    new Node(
                            b.label,
                            b.target,
                            b.children.stream().map(done::get).toList()));
        }
        return done.get(root);
    }
}
