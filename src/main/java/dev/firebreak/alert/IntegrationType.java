package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.Locale;

/** What a sender speaks, which decides the endpoint its key works on. */
public enum IntegrationType {
    /** Alertmanager's webhook: {@code POST /api/v1/integrations/{key}/alertmanager}. */
    ALERTMANAGER("alertmanager"),
    /** Prometheus alerting straight to Firebreak: {@code POST /api/v2/alerts}. */
    PROMETHEUS("prometheus"),
    /** PagerDuty Events API v2: {@code POST /v2/enqueue}, and change events at {@code /v2/change/enqueue}. */
    EVENTS_V2("events-v2"),
    /** Any JSON, mapped by JSON Pointers: {@code POST /api/v1/integrations/{key}/generic}. */
    GENERIC("generic"),
    /** Firebreak's own heartbeat monitors (docs/heartbeats.md): made on first use, takes no requests. */
    HEARTBEAT("heartbeat");

    private final String id;

    IntegrationType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static IntegrationType parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (IntegrationType type : values()) {
            if (type.id.equals(wanted) || type.name().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new FirebreakException.BadInput(
                "type", "unknown integration type '" + text + "' (alertmanager, prometheus, events-v2 or generic)");
    }
}
