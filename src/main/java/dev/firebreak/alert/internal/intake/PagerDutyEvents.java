package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.IntakeException;
import dev.firebreak.alert.Integration;
import dev.firebreak.alert.internal.store.AlertWrite;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}) with PagerDuty's rules: summary at most 1024
 * characters, dedup_key at most 255 (generated for a trigger without one, required to acknowledge
 * or resolve). Errors are collected and answered together, in PagerDuty's words.
 */
public final class PagerDutyEvents {
    public static final String INVALID = "Event object is invalid";
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final int MAX_SUMMARY = 1024;
    private static final int MAX_DEDUP_KEY = 255;

    private PagerDutyEvents() {}

    /** A valid event, turned into one alert write. */
    public record Event(String dedupKey, AlertWrite write) {}

    /** The routing key, or a PagerDuty-style 400 when there is none. */
    public static String routingKey(JsonNode root) {
        if (!root.isObject()) {
            throw invalid(List.of("Event object must be a JSON object"));
        }
        JsonNode key = root.path("routing_key");
        if (!key.isString() || key.asString().isBlank()) {
            throw invalid(List.of("'routing_key' is missing or blank"));
        }
        return key.asString();
    }

    public static Event parse(JsonNode root, Integration from, Instant now, LabelLimits limits) {
        List<String> errors = new ArrayList<>();
        String action = string(root, "event_action");
        if (action == null || action.isBlank()) {
            errors.add("'event_action' is missing or blank");
        } else if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or"
                    + " 'resolve')");
        }
        String dedupKey = string(root, "dedup_key");
        if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY) {
            errors.add("Length of 'dedup_key' is incorrect (should be no more than 255 characters)");
        }
        boolean trigger = "trigger".equals(action);
        if (!trigger && action != null && (dedupKey == null || dedupKey.isBlank())) {
            errors.add("'dedup_key' is missing or blank");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        Instant startsAt = now;
        if (trigger) {
            JsonNode payload = root.path("payload");
            if (!payload.isObject()) {
                errors.add("'payload' is missing or blank");
            } else {
                String summary = required(payload, "summary", errors);
                String source = required(payload, "source", errors);
                String severity = required(payload, "severity", errors);
                if (summary != null && summary.length() > MAX_SUMMARY) {
                    errors.add("Length of 'payload.summary' is incorrect (should be no more than 1024 characters)");
                }
                if (severity != null && !SEVERITIES.contains(severity)) {
                    errors.add("'payload.severity' is invalid (must be one of the following: 'critical',"
                            + " 'warning', 'error' or 'info')");
                }
                String timestamp = string(payload, "timestamp");
                if (timestamp != null && !timestamp.isBlank()) {
                    try {
                        startsAt = timestamp(timestamp.strip());
                    } catch (DateTimeParseException e) {
                        errors.add("'payload.timestamp' is invalid (must be an ISO 8601 timestamp)");
                    }
                }
                put(labels, "alertname", summary);
                put(labels, "severity", severity);
                put(labels, "source", source);
                put(labels, "component", string(payload, "component"));
                put(labels, "group", string(payload, "group"));
                put(labels, "class", string(payload, "class"));
                put(annotations, "summary", summary);
                JsonNode details = payload.path("custom_details");
                if (details.isObject()) {
                    for (Map.Entry<String, JsonNode> e : details.properties()) {
                        annotations.put(e.getKey(), text(e.getValue()));
                    }
                } else if (!details.isMissingNode() && !details.isNull()) {
                    annotations.put("custom_details", text(details));
                }
            }
            for (String field : List.of("links", "images")) {
                JsonNode node = root.path(field);
                if (node.isArray() && !node.isEmpty()) {
                    annotations.put(field, node.toString());
                }
            }
            put(annotations, "client", string(root, "client"));
            put(annotations, "client_url", string(root, "client_url"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        String key = dedupKey == null || dedupKey.isBlank()
                ? UUID.randomUUID().toString().replace("-", "")
                : dedupKey;
        if (trigger) {
            try {
                limits.check("payload", labels, annotations);
            } catch (IntakeException e) {
                throw invalid(List.of(e.getMessage()));
            }
        }
        AlertWrite.Action kind =
                switch (action) {
                    case "trigger" -> AlertWrite.Action.FIRE;
                    case "acknowledge" -> AlertWrite.Action.ACKNOWLEDGE;
                    default -> AlertWrite.Action.RESOLVE;
                };
        return new Event(
                key,
                new AlertWrite(
                        kind,
                        Fingerprints.ofDedupKey(from.id(), key),
                        from.id(),
                        from.name(),
                        key,
                        labels,
                        annotations,
                        startsAt,
                        null,
                        null,
                        string(root, "client_url")));
    }

    /** ISO 8601 as PagerDuty's own examples write it too: {@code 2015-07-17T08:42:58.315+0000}. */
    static Instant timestamp(String text) {
        String iso = text.matches(".*[+-]\\d{4}$")
                ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2)
                : text;
        if (iso.matches(".*T[0-9:.]+$")) {
            iso = iso + "Z";
        }
        return OffsetDateTime.parse(iso).toInstant();
    }

    public static IntakeException invalid(List<String> errors) {
        return new IntakeException(HttpStatus.BAD_REQUEST, INVALID, errors);
    }

    private static String required(JsonNode payload, String field, List<String> errors) {
        String value = string(payload, field);
        if (value == null || value.isBlank()) {
            errors.add("'payload." + field + "' is missing or blank");
            return null;
        }
        return value;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : text(value);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
