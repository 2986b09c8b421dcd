package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.Map;

/**
 * How a generic webhook's JSON becomes an alert: RFC 6901 JSON Pointers into the body.
 *
 * @param title pointer to the alert's title (becomes the alertname label); required
 * @param severity pointer to the severity label, or null
 * @param dedupKey pointer to a value that identifies the alert across requests, or null to
 *     fingerprint the resulting labels
 * @param labels pointer to an object whose string members become labels, or null
 * @param labelPointers label name to pointer, for labels picked one by one
 * @param resolvePointer pointer to the value that tells whether the alert is resolved, or null
 * @param resolveValue the value at resolvePointer that means resolved (compared as text)
 */
public record GenericMapping(
        String title,
        String severity,
        String dedupKey,
        String labels,
        Map<String, String> labelPointers,
        String resolvePointer,
        String resolveValue) {

    public GenericMapping {
        labelPointers = labelPointers == null ? Map.of() : Map.copyOf(labelPointers);
        if (title == null || title.isBlank()) {
            throw new FirebreakException.BadInput("mapping.title", "the mapping needs a \"title\" JSON Pointer");
        }
        pointer("mapping.title", title);
        pointer("mapping.severity", severity);
        pointer("mapping.dedupKey", dedupKey);
        pointer("mapping.labels", labels);
        pointer("mapping.resolve.pointer", resolvePointer);
        labelPointers.forEach((name, p) -> pointer("mapping.labels." + name, p));
        if (resolvePointer != null && resolveValue == null) {
            throw new FirebreakException.BadInput("mapping.resolve.value", "a resolve pointer needs a \"value\"");
        }
    }

    private static void pointer(String field, String pointer) {
        if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new FirebreakException.BadInput(
                    field, "'" + pointer + "' is not a JSON Pointer (RFC 6901: starts with '/', like /alert/title)");
        }
    }
}
