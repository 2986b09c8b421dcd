package dev.firebreak.incident.internal;

import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineKind;
import java.util.Locale;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The data column of a timeline entry: its typed detail as JSON, read by the entry's kind. */
final class TimelineData {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private TimelineData() {}

    static String write(TimelineDetail detail) {
        return JSON.writeValueAsString(detail);
    }

    static TimelineDetail read(TimelineKind kind, String json) {
        if (json == null || json.isBlank()) {
            return JSON.readValue("{}", kind.detail());
        }
        JsonNode node = JSON.readTree(json);
        // Entries written before details were typed (migration V8) kept a few loose keys.
        if (kind == TimelineKind.STATE && node.has("state") && !node.has("to")) {
            return new TimelineDetail.StateChange(
                    null, IncidentState.valueOf(node.get("state").asString().toUpperCase(Locale.ROOT)), 0, null);
        }
        if (kind == TimelineKind.SEVERITY && node.has("severity") && !node.has("to")) {
            return new TimelineDetail.SeverityChange(null, node.get("severity").asString(), null);
        }
        if (kind == TimelineKind.ROLE && node.has("role")) {
            return new TimelineDetail.RoleAssigned(
                    IncidentRole.parse(node.get("role").asString()),
                    node.path("username").asString(null));
        }
        return JSON.treeToValue(node, kind.detail());
    }
}
