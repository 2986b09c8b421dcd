package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.Link;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Document;

/**
 * The links of a runbook: Markdown links, autolinks and bare URLs outside code, plus the targets
 * named in decision trees; each resolved against the headings or the files beside the runbook,
 * with broken-anchor and missing-file findings for those that do not resolve.
 */
final class RunbookLinks {
    private RunbookLinks() {}

    static List<Link> of(
            Document document,
            List<DecisionTrees.TreeLink> treeLinks,
            Outline outline,
            Path baseDir,
            List<Finding> findings) {
        List<Located<Link>> located = new ArrayList<>();
        for (org.commonmark.node.Link link : MarkdownTree.all(document, org.commonmark.node.Link.class)) {
            String target = LinkTarget.normalize(link.getDestination());
            located.add(
                    new Located<>(MarkdownTree.line(link), resolve(MarkdownTree.text(link), target, outline, baseDir)));
        }
        for (DecisionTrees.TreeLink t : treeLinks) {
            located.add(new Located<>(t.line(), resolve(t.text(), t.target(), outline, baseDir)));
        }
        located.sort(Comparator.comparingInt(Located::line));
        for (Located<Link> l : located) {
            Link link = l.value();
            if (Boolean.FALSE.equals(link.resolved())) {
                findings.add(
                        LinkTarget.ANCHOR.equals(link.kind())
                                ? new Finding(
                                        "broken-anchor",
                                        "error",
                                        "link '" + link.text() + "' points at " + link.target()
                                                + ", which no heading has",
                                        l.line())
                                : new Finding(
                                        "missing-file",
                                        "error",
                                        "link '" + link.text() + "' points at " + link.target()
                                                + ", which does not exist",
                                        l.line()));
            }
        }
        return located.stream().map(Located::value).toList();
    }

    private static Link resolve(String text, String target, Outline outline, Path baseDir) {
        String kind = LinkTarget.kind(target);
        Boolean resolved =
                switch (kind) {
                    case LinkTarget.ANCHOR -> {
                        String anchor = LinkTarget.anchor(target);
                        yield anchor.isEmpty()
                                || outline.hasAnchor(anchor)
                                || outline.hasAnchor(anchor.toLowerCase(Locale.ROOT));
                    }
                    case LinkTarget.RELATIVE -> LinkTarget.fileExists(target, baseDir);
                    default -> null;
                };
        return new Link(text, target, kind, resolved);
    }
}
