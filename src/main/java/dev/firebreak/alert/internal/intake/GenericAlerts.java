package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.GenericMapping;
import dev.firebreak.alert.Integration;
import dev.firebreak.alert.internal.store.AlertWrite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Any JSON body, turned into one alert by the integration's JSON Pointer mapping. */
public final class GenericAlerts {
    private GenericAlerts() {}

    public static List<AlertWrite> parse(JsonNode root, Integration from, Instant now, LabelLimits limits) {
        GenericMapping mapping = from.mapping();
        Map<String, String> labels = new LinkedHashMap<>();
        if (mapping.labels() != null) {
            JsonNode node = root.at(mapping.labels());
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (e.getValue().isContainer()) {
                        throw LabelLimits.bad("the label " + e.getKey() + " at " + mapping.labels()
                                + " is an " + (e.getValue().isArray() ? "array" : "object")
                                + "; label values are strings, numbers or booleans");
                    }
                    if (!e.getValue().isNull()) {
                        labels.put(e.getKey(), value(e.getValue()));
                    }
                }
            } else if (!node.isMissingNode() && !node.isNull()) {
                // {"labels": 5} used to lose the labels without a word.
                throw LabelLimits.bad("the labels at " + mapping.labels() + " (the integration's mapping) must be a"
                        + " JSON object, not " + node.getNodeType().name().toLowerCase());
            }
        }
        mapping.labelPointers().forEach((name, pointer) -> {
            JsonNode node = root.at(pointer);
            if (!node.isMissingNode() && !node.isNull()) {
                labels.put(name, value(node));
            }
        });
        String title = text(root, mapping.title());
        if (title == null || title.isBlank()) {
            throw LabelLimits.bad("the body has no title at " + mapping.title() + " (the integration's mapping)");
        }
        labels.put("alertname", title);
        String severity = text(root, mapping.severity());
        if (severity != null) {
            labels.put("severity", severity);
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        limits.check("body", labels, annotations);
        String dedupKey = text(root, mapping.dedupKey());
        if (dedupKey != null && (dedupKey.isEmpty() || dedupKey.length() > 255)) {
            throw LabelLimits.bad("the dedup key at " + mapping.dedupKey() + " must have 1 to 255 characters");
        }
        boolean resolved =
                mapping.resolvePointer() != null && mapping.resolveValue().equals(text(root, mapping.resolvePointer()));
        String fingerprint = dedupKey == null ? Fingerprints.hex(labels) : Fingerprints.ofDedupKey(from.id(), dedupKey);
        return List.of(new AlertWrite(
                resolved ? AlertWrite.Action.RESOLVE : AlertWrite.Action.FIRE,
                fingerprint,
                from.id(),
                from.name(),
                dedupKey,
                labels,
                annotations,
                now,
                resolved ? now : null,
                null,
                null));
    }

    private static String text(JsonNode root, String pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : value(node);
    }

    private static String value(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }
}
