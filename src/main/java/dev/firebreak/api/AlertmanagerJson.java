package dev.firebreak.api;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertState;
import dev.firebreak.alert.AlertStateGroup;
import dev.firebreak.alert.Silence;
import dev.firebreak.platform.FirebreakException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Alertmanager API v2 shapes (api/v2/openapi.yaml) of Firebreak's alerts and silences. */
final class AlertmanagerJson {
    /** Firebreak's numeric silence ids in the UUID form Alertmanager's clients expect. */
    private static final String ID_PREFIX = "00000000-0000-4000-8000-";

    private static final Pattern ID = Pattern.compile("(?i)00000000-0000-4000-8000-([0-9a-f]{12})|([0-9]{1,18})");

    private AlertmanagerJson() {}

    static String silenceId(long id) {
        return ID_PREFIX + String.format(Locale.ROOT, "%012x", id);
    }

    /** The silence's number from its UUID form (or the plain number Firebreak's own API uses). */
    static long silenceNumber(String id) {
        var m = ID.matcher(id == null ? "" : id.strip());
        if (!m.matches()) {
            throw new FirebreakException.NotFound("no silence " + id);
        }
        return m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
    }

    static Map<String, Object> silence(Silence silence) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", silenceId(silence.id()));
        out.put("status", Map.of("state", silence.state().name().toLowerCase(Locale.ROOT)));
        out.put("updatedAt", silence.updatedAt().toString());
        out.put(
                "matchers",
                silence.parsedMatchers().stream().map(AlertmanagerJson::matcher).toList());
        out.put("startsAt", silence.startsAt().toString());
        out.put("endsAt", silence.endsAt().toString());
        out.put("createdBy", silence.createdBy());
        out.put("comment", silence.comment());
        return out;
    }

    static Map<String, Object> matcher(AlertMatcher matcher) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", matcher.name());
        out.put("value", matcher.value());
        out.put("isRegex", matcher.op() == AlertMatcher.Op.REGEX || matcher.op() == AlertMatcher.Op.NOT_REGEX);
        out.put("isEqual", matcher.op() == AlertMatcher.Op.EQUAL || matcher.op() == AlertMatcher.Op.REGEX);
        return out;
    }

    static Map<String, Object> alert(AlertState state) {
        var alert = state.alert();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("annotations", alert.annotations());
        out.put("endsAt", state.endsAt().toString());
        out.put("fingerprint", alert.fingerprint());
        out.put(
                "receivers",
                state.receivers().stream().map(r -> Map.of("name", r)).toList());
        out.put("startsAt", alert.startsAt().toString());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("inhibitedBy", state.inhibitedBy());
        status.put(
                "silencedBy",
                state.silencedBy().stream().map(AlertmanagerJson::silenceId).toList());
        status.put("state", state.state().name().toLowerCase(Locale.ROOT));
        out.put("status", status);
        out.put("updatedAt", alert.lastReceivedAt().toString());
        out.put("generatorURL", alert.generatorUrl() == null ? "" : alert.generatorUrl());
        out.put("labels", alert.labels());
        return out;
    }

    static Map<String, Object> group(AlertStateGroup group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alerts", group.alerts().stream().map(AlertmanagerJson::alert).toList());
        out.put("labels", group.labels());
        out.put("receiver", Map.of("name", group.receiver()));
        return out;
    }

    static List<AlertMatcher> filter(List<String> filter) {
        return filter == null
                ? List.of()
                : filter.stream()
                        .map(m -> AlertMatcher.fromRequest("filter", m))
                        .toList();
    }
}
