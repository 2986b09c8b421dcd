package dev.firebreak.runbook.internal.parse;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Nodes;
import org.commonmark.node.SourceSpans;
import org.commonmark.node.Text;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;

/**
 * {@code ~~struck~~} text, as GitHub and markdown-it read it: the tildes are markup, not part of
 * the text (so a heading "~~Old~~ New" has the title and anchor GitHub gives it). Single tildes stay
 * text.
 */
final class Strikethrough extends CustomNode {

    /** Turns pairs of {@code ~~} runs into {@link Strikethrough} nodes. */
    static final class Delimiters implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '~';
        }

        @Override
        public char getClosingCharacter() {
            return '~';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int process(DelimiterRun openingRun, DelimiterRun closingRun) {
            if (openingRun.length() < 2 || closingRun.length() < 2) {
                return 0;
            }
            Text opener = openingRun.getOpener();
            Node struck = new Strikethrough();
            SourceSpans spans = new SourceSpans();
            spans.addAllFrom(openingRun.getOpeners(2));
            for (Node node : Nodes.between(opener, closingRun.getCloser())) {
                struck.appendChild(node);
                spans.addAll(node.getSourceSpans());
            }
            spans.addAllFrom(closingRun.getClosers(2));
            struck.setSourceSpans(spans.getSourceSpans());
            opener.insertAfter(struck);
            return 2;
        }
    }
}
