package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.Integration;
import dev.firebreak.alert.internal.store.AlertWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's webhook payload (version 4). Alertmanager decides when an alert resolves and tells
 * us with status "resolved"; firing alerts have no timeout here because Alertmanager only resends
 * them every repeat_interval.
 */
public final class WebhookAlerts {
    private WebhookAlerts() {}

    public static List<AlertWrite> parse(
            JsonNode root, Integration from, Instant now, LabelLimits limits, int maxAlerts) {
        if (!root.isObject()) {
            throw LabelLimits.bad("the body must be Alertmanager's webhook JSON object");
        }
        String version = JsonFields.text(root, "version", "body");
        if (version != null && !version.equals("4")) {
            throw LabelLimits.bad("webhook payload version '" + version + "' is not supported (version 4 is)");
        }
        JsonNode alerts = root.path("alerts");
        if (!alerts.isArray()) {
            throw LabelLimits.bad("body.alerts must be a list");
        }
        if (alerts.size() > maxAlerts) {
            throw LabelLimits.bad(alerts.size() + " alerts in one request are more than the limit of " + maxAlerts);
        }
        Map<String, String> common = JsonFields.strings(root.path("commonAnnotations"), "commonAnnotations");
        String externalUrl = JsonFields.text(root, "externalURL", "body");
        List<AlertWrite> writes = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            String where = "alerts[" + i + "]";
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                throw LabelLimits.bad(where + " must be an object");
            }
            Map<String, String> labels = JsonFields.strings(alert.path("labels"), where + ".labels");
            Map<String, String> annotations = JsonFields.strings(alert.path("annotations"), where + ".annotations");
            common.forEach(annotations::putIfAbsent);
            limits.check(where, labels, annotations);
            String status = JsonFields.text(alert, "status", where);
            if (status == null) {
                status = JsonFields.text(root, "status", "body");
            }
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                throw LabelLimits.bad(where + ".status must be \"firing\" or \"resolved\"");
            }
            Instant startsAt = JsonFields.time(alert, "startsAt", where);
            Instant endsAt = JsonFields.time(alert, "endsAt", where);
            boolean resolved = status.equals("resolved");
            String generator = JsonFields.text(alert, "generatorURL", where);
            writes.add(new AlertWrite(
                    resolved ? AlertWrite.Action.RESOLVE : AlertWrite.Action.FIRE,
                    Fingerprints.hex(labels),
                    from.id(),
                    from.name(),
                    null,
                    labels,
                    annotations,
                    startsAt == null ? now : startsAt,
                    resolved ? (endsAt == null ? now : endsAt) : null,
                    null,
                    generator != null ? generator : externalUrl));
        }
        return writes;
    }
}
