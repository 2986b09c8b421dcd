package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * The heading tree of a document, with the top-level blocks that belong to each heading (up to the
 * next heading of any level). Blocks before the first heading belong to no part.
 */
final class Outline {
    /** One heading while the model is built; mutable, turned into {@link Section} at the end. */
    static final class Part {
        final String title;
        final String anchor;
        final int level;
        final String kind;
        final int line;
        final Part parent;
        final List<Part> children = new ArrayList<>();
        final List<Node> blocks = new ArrayList<>();

        Part(String title, String anchor, int level, String kind, int line, Part parent) {
            this.title = title;
            this.anchor = anchor;
            this.level = level;
            this.kind = kind;
            this.line = line;
            this.parent = parent;
        }

        /** The blocks of this part and of every part below it, in document order. */
        List<Node> allBlocks() {
            List<Node> out = new ArrayList<>();
            Deque<Part> todo = new ArrayDeque<>();
            todo.push(this);
            while (!todo.isEmpty()) {
                Part p = todo.pop();
                out.addAll(p.blocks);
                for (int i = p.children.size() - 1; i >= 0; i--) {
                    todo.push(p.children.get(i));
                }
            }
            out.sort((a, b) -> Integer.compare(MarkdownTree.line(a), MarkdownTree.line(b)));
            return out;
        }

        /** This part's title and its ancestors' titles, nearest first. */
        List<String> titles() {
            List<String> out = new ArrayList<>();
            for (Part p = this; p != null; p = p.parent) {
                out.add(p.title);
            }
            return out;
        }
    }

    private final List<Part> roots = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final Set<String> anchors = new HashSet<>();

    static Outline of(Document document) {
        Outline outline = new Outline();
        AnchorSlugger slugger = new AnchorSlugger();
        Map<Heading, Part> byHeading = new IdentityHashMap<>();
        Deque<Part> open = new ArrayDeque<>();
        for (Heading heading : MarkdownTree.all(document, Heading.class)) {
            String title = MarkdownTree.headingText(heading);
            while (!open.isEmpty() && open.peek().level >= heading.getLevel()) {
                open.pop();
            }
            Part part = new Part(
                    title,
                    slugger.slug(title),
                    heading.getLevel(),
                    SectionKind.of(title),
                    MarkdownTree.line(heading),
                    open.peek());
            (open.isEmpty() ? outline.roots : open.peek().children).add(part);
            open.push(part);
            outline.parts.add(part);
            outline.anchors.add(part.anchor);
            byHeading.put(heading, part);
        }
        List<Node> current = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h) {
                current = byHeading.get(h).blocks;
            } else {
                current.add(block);
            }
        }
        return outline;
    }

    List<Part> parts() {
        return parts;
    }

    /** The heading a line falls under, or null before the first heading. */
    Part at(int line) {
        int low = 0;
        int high = parts.size() - 1;
        Part found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (parts.get(mid).line <= line) {
                found = parts.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    boolean hasAnchor(String anchor) {
        return anchors.contains(anchor);
    }

    /** The model's section tree (at most six levels deep, so the copy may recurse). */
    List<Section> sections() {
        return roots.stream().map(Outline::section).toList();
    }

    private static Section section(Part p) {
        return new Section(
                p.title,
                p.anchor,
                p.level,
                p.kind,
                p.line,
                p.children.stream().map(Outline::section).toList());
    }
}
