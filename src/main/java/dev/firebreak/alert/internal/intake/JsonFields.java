package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.IntakeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading senders' JSON strictly: every wrong type is a 400 that names the field. */
final class JsonFields {
    /** Go's zero time, which Alertmanager sends for "no end". */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private JsonFields() {}

    static JsonNode parse(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw LabelLimits.bad("the request body is empty; send JSON");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new IntakeException(
                    HttpStatus.BAD_REQUEST, "request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An object of string values; absent or null is empty. */
    static Map<String, String> strings(JsonNode node, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw LabelLimits.bad(where + " must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isString()) {
                throw LabelLimits.bad(where + "." + e.getKey() + " must be a string");
            }
            values.put(e.getKey(), e.getValue().asString());
        }
        return values;
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw LabelLimits.bad(where + "." + field + " must be a string");
        }
        return value.asString();
    }

    /** An RFC 3339 time; absent, empty or Go's zero time is null. */
    static Instant time(JsonNode node, String field, String where) {
        String text = text(node, field, where);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(text.strip()).toInstant();
            return instant.equals(GO_ZERO) || instant.isBefore(Instant.EPOCH) ? null : instant;
        } catch (DateTimeParseException e) {
            throw LabelLimits.bad(where + "." + field + " is not an RFC 3339 time: '" + text + "'");
        }
    }
}
