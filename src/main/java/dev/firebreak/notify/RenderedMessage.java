package dev.firebreak.notify;

import java.util.List;

/**
 * A message's words, rendered once for every channel: each provider lays them out its own way
 * (Block Kit, an Adaptive Card, HTML mail).
 *
 * @param title one line: {@code [SEV-1] Payments API 5xx above 5%}
 * @param text the body in plain text (also the markdown body: templates are plain text)
 * @param severity the incident's severity label, or null
 * @param state the incident's state in lower case, or null
 * @param threadKey the same for every message about one incident (mail threading, chat keys)
 * @param fields short label/value pairs (Severity, Service, Runbook)
 * @param links the incident page, then acknowledge and resolve where the person may act
 * @param unfilled template placeholders that had no value, left visible in the text
 */
public record RenderedMessage(
        String title,
        String text,
        String severity,
        String state,
        String threadKey,
        List<Field> fields,
        List<Link> links,
        List<String> unfilled) {
    public RenderedMessage {
        fields = fields == null ? List.of() : List.copyOf(fields);
        links = links == null ? List.of() : List.copyOf(links);
        unfilled = unfilled == null ? List.of() : List.copyOf(unfilled);
    }

    public record Field(String label, String value) {}

    /** A button or link; {@code action} says which so a provider can style it. */
    public record Link(String label, String url, Action action) {
        public enum Action {
            OPEN,
            ACKNOWLEDGE,
            RESOLVE,
            CONFIRM
        }
    }
}
