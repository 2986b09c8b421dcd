package dev.firebreak.runbook.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The loop that replaced {@code replaceAll("\\s+", " ")} on every text node must agree with it. */
class MarkdownTreeTest {
    @Test
    void collapsesRunsOfAsciiWhiteSpace() {
        assertThat(MarkdownTree.collapseSpace("a  b\t\tc\r\nd\u000Be\ff")).isEqualTo("a b c d e f");
        assertThat(MarkdownTree.collapseSpace(" lead and trail  ")).isEqualTo(" lead and trail ");
        assertThat(MarkdownTree.collapseSpace("plain text")).isSameAs("plain text");
        assertThat(MarkdownTree.collapseSpace("no\u00A0break")).isEqualTo("no\u00A0break");
        assertThat(MarkdownTree.collapseSpace("")).isEmpty();
    }

    @Property(tries = 500)
    void agreesWithTheRegex(
            @ForAll @Chars({' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', 'x'}) @CharRange(from = 'a', to = 'c')
                    String text) {
        assertThat(MarkdownTree.collapseSpace(text)).isEqualTo(text.replaceAll("\\s+", " "));
    }
}
