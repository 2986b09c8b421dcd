package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.Integration;
import dev.firebreak.alert.internal.changes.ChangeWrite;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty change events ({@code POST /v2/change/enqueue}) with PagerDuty's rules: a summary of at
 * most 1024 characters is required; source, timestamp, custom_details and links ({@code href}
 * required, {@code text} optional) are not. {@code images}, which some clients send, is ignored.
 * Errors are collected and answered together, in the words of {@link PagerDutyEvents}.
 */
public final class PagerDutyChanges {
    private static final int MAX_SUMMARY = 1024;
    /** As maintenance windows' service names: what changed is matched against those. */
    private static final int MAX_SERVICE = 500;

    private PagerDutyChanges() {}

    public static ChangeWrite parse(JsonNode root, Integration from, Instant now, JsonMapper json) {
        List<String> errors = new ArrayList<>();
        JsonNode payload = root.path("payload");
        String summary = null;
        String source = null;
        String service = null;
        Instant timestamp = now;
        JsonNode details = null;
        if (!payload.isObject()) {
            errors.add("'payload' is missing or blank");
        } else {
            summary = string(payload, "summary");
            if (summary == null || summary.isBlank()) {
                errors.add("'payload.summary' is missing or blank");
            } else if (summary.length() > MAX_SUMMARY) {
                errors.add("Length of 'payload.summary' is incorrect (should be no more than 1024 characters)");
            }
            source = blankToNull(string(payload, "source"));
            String time = string(payload, "timestamp");
            if (time != null && !time.isBlank()) {
                try {
                    timestamp = PagerDutyEvents.timestamp(time.strip());
                } catch (DateTimeParseException e) {
                    errors.add("'payload.timestamp' is invalid (must be an ISO 8601 timestamp)");
                }
            }
            details = payload.path("custom_details");
            if (details.isMissingNode() || details.isNull()) {
                details = null;
            } else if (!details.isObject()) {
                errors.add("'payload.custom_details' is invalid (must be a JSON object)");
            } else if (details.path("service").isString()) {
                service = blankToNull(details.path("service").asString());
                if (service != null && service.length() > MAX_SERVICE) {
                    errors.add("Length of 'payload.custom_details.service' is incorrect (should be no more than "
                            + MAX_SERVICE + " characters)");
                }
            }
        }
        List<Map<String, String>> links = links(root.path("links"), errors);
        if (!errors.isEmpty()) {
            throw PagerDutyEvents.invalid(errors);
        }
        return new ChangeWrite(
                from.id(),
                summary,
                source,
                service,
                timestamp,
                now,
                details == null ? "{}" : details.toString(),
                json.writeValueAsString(links));
    }

    private static List<Map<String, String>> links(JsonNode node, List<String> errors) {
        List<Map<String, String>> links = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return links;
        }
        if (!node.isArray()) {
            errors.add("'links' is invalid (must be an array of objects)");
            return links;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode link = node.get(i);
            String href = link.isObject() ? blankToNull(string(link, "href")) : null;
            if (href == null) {
                errors.add("'links[" + i + "].href' is missing or blank");
                continue;
            }
            Map<String, String> out = new LinkedHashMap<>();
            out.put("href", href);
            out.put("text", blankToNull(string(link, "text")));
            links.add(out);
        }
        return links;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
