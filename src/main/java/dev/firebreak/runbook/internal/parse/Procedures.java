package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Duration;
import dev.firebreak.runbook.RunbookModel.Procedure;
import dev.firebreak.runbook.RunbookModel.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Troubleshooting guides: a heading whose content has symptoms and a diagnosis or resolution, as
 * subsections ({@code ### Symptoms}) or as bold labels ({@code **Symptoms:**}). An alert runbook's
 * "Meaning" stands in for its symptoms.
 */
final class Procedures {
    private static final Pattern RESOLUTION_TARGET = Pattern.compile(
            "(?i)resolution (?:time|target|sla)|time to (?:resolve|resolution|fix)|target resolution(?: time)?|eta");

    /** A procedure and the parts it lacks (for missing-section findings). */
    record Found(Procedure procedure, int line, List<String> missing) {}

    private Procedures() {}

    static List<Found> of(Outline outline) {
        List<Found> found = new ArrayList<>();
        for (Outline.Part part : outline.parts()) {
            Found f = fromSubsections(part);
            if (f == null) {
                f = fromLabels(part);
            }
            if (f != null) {
                found.add(f);
            }
        }
        return found;
    }

    /** What one heading holds of a troubleshooting guide, gathered part by part. */
    private static final class Guide {
        final List<String> symptoms = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();
        Duration target;
        boolean hasSymptoms;
        boolean hasDiagnosis;
        boolean hasResolution;

        /**
         * Adds one labelled part: a subsection, or a bold label with the blocks after it. A
         * resolution-time label gives the target from its own text, else from its first block.
         */
        void add(String label, String rest, List<Node> blocks) {
            if (RESOLUTION_TARGET.matcher(label).matches()) {
                target = DurationPhrase.of(rest.isEmpty() ? MarkdownTree.text(first(blocks)) : rest);
                return;
            }
            switch (SectionKind.of(label)) {
                case SectionKind.SYMPTOMS -> addSymptoms(blocks);
                case SectionKind.DIAGNOSIS -> {
                    hasDiagnosis = true;
                    steps.addAll(steps(blocks, label));
                }
                case SectionKind.RESOLUTION -> {
                    hasResolution = true;
                    steps.addAll(steps(blocks, label));
                }
                default -> {}
            }
        }

        void addSymptoms(List<Node> blocks) {
            hasSymptoms = true;
            symptoms.addAll(items(blocks));
        }

        /** The procedure, or null when the heading lacks symptoms or both diagnosis and resolution. */
        Found found(Outline.Part part) {
            if (!hasSymptoms || !(hasDiagnosis || hasResolution)) {
                return null;
            }
            List<String> missing = new ArrayList<>();
            if (!hasDiagnosis) {
                missing.add(SectionKind.DIAGNOSIS);
            }
            if (!hasResolution) {
                missing.add(SectionKind.RESOLUTION);
            }
            return new Found(
                    new Procedure(part.title, part.anchor, List.copyOf(symptoms), List.copyOf(steps), target),
                    part.line,
                    missing);
        }
    }

    private static Found fromSubsections(Outline.Part part) {
        Guide guide = new Guide();
        Outline.Part meaning = null;
        for (Outline.Part child : part.children) {
            guide.add(child.title, "", child.allBlocks());
            if (child.title.strip().equalsIgnoreCase("meaning")) {
                meaning = child;
            }
        }
        if (!guide.hasSymptoms && meaning != null) {
            guide.addSymptoms(meaning.allBlocks());
        }
        return guide.found(part);
    }

    private static Found fromLabels(Outline.Part part) {
        Guide guide = new Guide();
        List<Node> blocks = part.blocks;
        for (int i = 0; i < blocks.size(); i++) {
            BoldLabel label = BoldLabel.of(blocks.get(i));
            if (label == null) {
                continue;
            }
            List<Node> content = new ArrayList<>();
            for (int j = i + 1;
                    j < blocks.size()
                            && BoldLabel.of(blocks.get(j)) == null
                            && !(blocks.get(j) instanceof ThematicBreak);
                    j++) {
                content.add(blocks.get(j));
            }
            guide.add(label.label(), label.rest(), content);
        }
        return guide.found(part);
    }

    /** The items of the lists among blocks, or the paragraphs when there is no list. */
    private static List<String> items(List<Node> blocks) {
        List<String> items = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    items.add(lead(item));
                }
            } else if (block instanceof Paragraph) {
                paragraphs.add(MarkdownTree.text(block));
            }
        }
        return items.isEmpty() ? paragraphs : items;
    }

    /** One step per list item (with the code blocks inside it), per code block, or per paragraph. */
    private static List<Step> steps(List<Node> blocks, String label) {
        List<Step> steps = new ArrayList<>();
        List<Step> paragraphs = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    List<String> codes = MarkdownTree.all(item, FencedCodeBlock.class).stream()
                            .map(FencedCodeBlock::getLiteral)
                            .toList();
                    steps.add(new Step(lead(item), codes));
                }
            } else if (block instanceof FencedCodeBlock code) {
                steps.add(new Step(label, List.of(code.getLiteral())));
            } else if (block instanceof Paragraph && BoldLabel.of(block) == null) {
                paragraphs.add(new Step(MarkdownTree.text(block), List.of()));
            }
        }
        return steps.isEmpty() ? paragraphs : steps;
    }

    /** The text of a list item without its nested lists and code blocks. */
    private static String lead(Node item) {
        StringBuilder text = new StringBuilder();
        if (item instanceof ListItem) {
            for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Paragraph) {
                    text.append(text.isEmpty() ? "" : " ").append(MarkdownTree.text(n));
                }
            }
        }
        return text.toString().strip();
    }

    private static Node first(List<Node> blocks) {
        return blocks.isEmpty() ? new Paragraph() : blocks.get(0);
    }
}
