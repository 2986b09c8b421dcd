package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void markdownMarksAreDropped() {
        assertThat(Snippets.plain("## Schema Issues\n\n1. **Check** the `schema` [logs](https://x/y) | col |"))
                .isEqualTo("Schema Issues Check the schema logs col");
        assertThat(Snippets.plain("- item with snake_case_name and *emphasis*"))
                .isEqualTo("item with snake_case_name and emphasis");
        assertThat(Snippets.plain(null)).isNull();
    }
}
