package dev.firebreak.notify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A runbook's communication template with its placeholders filled: the template's own words as
 * written, each placeholder replaced by an incident's value or left as written when nothing fills it.
 *
 * @param name the template's heading ("Initial Notification")
 * @param kind initial, update or resolution
 * @param parts the text in order; joined they are the message
 * @param unfilled placeholders left as written, in order of first appearance, each once
 */
public record RenderedTemplate(String name, String kind, List<Part> parts, List<String> unfilled) {
    public RenderedTemplate {
        parts = List.copyOf(parts);
        unfilled = List.copyOf(unfilled);
    }

    /** The message's text. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    /**
     * @param field what filled a {@link Fill#VALUE} ("severity", "opened at"), or what an unfilled
     *     placeholder would need; null for the template's own words
     */
    public record Part(String text, Fill fill, String field) {}

    public enum Fill {
        /** The template's own words. */
        TEXT,
        /** A placeholder replaced by a value. */
        VALUE,
        /** A placeholder nothing filled, kept as written. */
        UNFILLED
    }
}
