package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.Integration;
import dev.firebreak.alert.internal.store.AlertWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's v2 {@code postableAlerts} as Prometheus sends them. Resend semantics: the same
 * labels refresh the firing alert; an endsAt in the past resolves it; otherwise it resolves at its
 * endsAt (Prometheus sends now + 4 resend intervals) or after the resolve timeout without endsAt.
 */
public final class PrometheusAlerts {
    private PrometheusAlerts() {}

    public static List<AlertWrite> parse(
            JsonNode root, Integration from, Instant now, Duration resolveTimeout, LabelLimits limits, int maxAlerts) {
        if (!root.isArray()) {
            throw LabelLimits.bad("the body must be a JSON list of alerts");
        }
        if (root.size() > maxAlerts) {
            throw LabelLimits.bad(root.size() + " alerts in one request are more than the limit of " + maxAlerts);
        }
        List<AlertWrite> writes = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            String where = "alerts[" + i + "]";
            JsonNode alert = root.get(i);
            if (!alert.isObject()) {
                throw LabelLimits.bad(where + " must be an object");
            }
            Map<String, String> labels = JsonFields.strings(alert.path("labels"), where + ".labels");
            Map<String, String> annotations = JsonFields.strings(alert.path("annotations"), where + ".annotations");
            limits.check(where, labels, annotations);
            Instant startsAt = JsonFields.time(alert, "startsAt", where);
            Instant endsAt = JsonFields.time(alert, "endsAt", where);
            if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
                throw LabelLimits.bad(where + ": endsAt is before startsAt");
            }
            boolean resolved = endsAt != null && !endsAt.isAfter(now);
            writes.add(new AlertWrite(
                    resolved ? AlertWrite.Action.RESOLVE : AlertWrite.Action.FIRE,
                    Fingerprints.hex(labels),
                    from.id(),
                    from.name(),
                    null,
                    labels,
                    annotations,
                    startsAt == null ? now : startsAt,
                    endsAt,
                    endsAt != null ? endsAt : now.plus(resolveTimeout),
                    JsonFields.text(alert, "generatorURL", where)));
        }
        return writes;
    }
}
