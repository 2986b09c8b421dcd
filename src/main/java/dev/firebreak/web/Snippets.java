package dev.firebreak.web;

/** Search snippets are cut from Markdown; people read them as text, without its marks. */
final class Snippets {
    private Snippets() {}

    static String plain(String markdown) {
        if (markdown == null) {
            return null;
        }
        return markdown.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1") // links and images: their text
                .replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+", "") // headings, quotes, list marks
                .replaceAll("```\\w*|`|\\*\\*|__|(?<!\\w)[*_](?!\\s)|(?<!\\s)[*_](?!\\w)|~~", "")
                .replaceAll("\\|", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
