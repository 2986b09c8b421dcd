package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.GenericMapping;
import dev.firebreak.platform.FirebreakException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mapping's JSON form, as admins write it: {@code {"title": "/alert/name", "severity":
 * "/level", "dedupKey": "/id", "labels": "/tags" or {"service": "/svc"}, "resolve": {"pointer":
 * "/state", "value": "ok"}}}.
 */
public final class GenericMappings {
    private GenericMappings() {}

    public static GenericMapping parse(JsonMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new FirebreakException.BadInput(
                    "mapping", "the mapping is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FirebreakException.BadInput("mapping", "the mapping must be a JSON object");
        }
        String labels = null;
        Map<String, String> labelPointers = new LinkedHashMap<>();
        JsonNode labelNode = root.path("labels");
        if (labelNode.isString()) {
            labels = labelNode.asString();
        } else if (labelNode.isObject()) {
            for (Map.Entry<String, JsonNode> e : labelNode.properties()) {
                if (!e.getValue().isString()) {
                    throw new FirebreakException.BadInput(
                            "mapping.labels." + e.getKey(), "must be a JSON Pointer string");
                }
                labelPointers.put(e.getKey(), e.getValue().asString());
            }
        } else if (!labelNode.isMissingNode() && !labelNode.isNull()) {
            throw new FirebreakException.BadInput("mapping.labels", "must be a JSON Pointer or an object of them");
        }
        JsonNode resolve = root.path("resolve");
        return new GenericMapping(
                text(root, "title"),
                text(root, "severity"),
                text(root, "dedupKey"),
                labels,
                labelPointers,
                text(resolve, "pointer"),
                resolve.path("value").isMissingNode() || resolve.path("value").isNull()
                        ? null
                        : resolve.path("value").isString()
                                ? resolve.path("value").asString()
                                : resolve.path("value").toString());
    }

    public static String write(JsonMapper json, GenericMapping mapping) {
        ObjectNode root = json.createObjectNode();
        root.put("title", mapping.title());
        if (mapping.severity() != null) {
            root.put("severity", mapping.severity());
        }
        if (mapping.dedupKey() != null) {
            root.put("dedupKey", mapping.dedupKey());
        }
        if (mapping.labels() != null) {
            root.put("labels", mapping.labels());
        } else if (!mapping.labelPointers().isEmpty()) {
            ObjectNode labels = root.putObject("labels");
            mapping.labelPointers().forEach(labels::put);
        }
        if (mapping.resolvePointer() != null) {
            ObjectNode resolve = root.putObject("resolve");
            resolve.put("pointer", mapping.resolvePointer());
            resolve.put("value", mapping.resolveValue());
        }
        return json.writeValueAsString(root);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new FirebreakException.BadInput("mapping." + field, "must be a JSON Pointer string");
        }
        return value.asString();
    }
}
