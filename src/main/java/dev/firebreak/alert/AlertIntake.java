package dev.firebreak.alert;

import dev.firebreak.alert.internal.changes.ChangeEventStore;
import dev.firebreak.alert.internal.intake.GenericAlerts;
import dev.firebreak.alert.internal.intake.IntakeJson;
import dev.firebreak.alert.internal.intake.LabelLimits;
import dev.firebreak.alert.internal.intake.PagerDutyChanges;
import dev.firebreak.alert.internal.intake.PagerDutyEvents;
import dev.firebreak.alert.internal.intake.PrometheusAlerts;
import dev.firebreak.alert.internal.intake.RateLimits;
import dev.firebreak.alert.internal.intake.WebhookAlerts;
import dev.firebreak.alert.internal.store.AlertWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes alerts from senders: checks the integration key and its rate limit, parses and validates
 * the body, and returns only once the alerts are committed. Any refusal is an {@link
 * IntakeException} and stores nothing.
 */
@Service
public class AlertIntake {
    private final Integrations integrations;
    private final RateLimits rateLimits;
    private final AlertWriter writer;
    private final Alerts alerts;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertProperties properties;
    private final LabelLimits limits;
    private final ChangeEventStore changes;

    AlertIntake(
            Integrations integrations,
            RateLimits rateLimits,
            AlertWriter writer,
            Alerts alerts,
            JsonMapper json,
            Clock clock,
            AlertProperties properties,
            ChangeEventStore changes) {
        this.changes = changes;
        this.integrations = integrations;
        this.rateLimits = rateLimits;
        this.writer = writer;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.limits = LabelLimits.of(properties);
    }

    /** Alertmanager v2 {@code POST /api/v2/alerts} from Prometheus. */
    public void prometheus(String key, byte[] body) {
        Integration from = sender(key, IntegrationType.PROMETHEUS);
        JsonNode root = parse(body);
        Instant now = clock.instant();
        writer.write(PrometheusAlerts.parse(
                root, from, now, properties.resolveTimeout(), limits, properties.maxAlertsPerRequest()));
    }

    /** Where alerts posted to Alertmanager's API with a user's token (amtool) come from. */
    public static final String TOOL_INTEGRATION = "Alertmanager API v2 (users' tokens)";

    /**
     * {@code POST /api/v2/alerts} authenticated by a user's API token rather than an integration
     * key, as {@code amtool alert add} sends it: the alerts come from {@link #TOOL_INTEGRATION}.
     */
    public void prometheusFromUser(byte[] body) {
        Integration from = integrations.builtIn(TOOL_INTEGRATION, IntegrationType.PROMETHEUS);
        if (!from.enabled()) {
            throw new IntakeException(
                    HttpStatus.FORBIDDEN, "an admin disabled the integration '" + TOOL_INTEGRATION + "'");
        }
        rateLimits.take(from);
        JsonNode root = parse(body);
        writer.write(PrometheusAlerts.parse(
                root, from, clock.instant(), properties.resolveTimeout(), limits, properties.maxAlertsPerRequest()));
    }

    /**
     * The firing alerts, for {@code GET /api/v2/alerts} with a Prometheus integration's key.
     *
     * @param matchers Alertmanager's {@code filter} parameters, such as {@code severity="critical"}
     */
    public List<Alert> current(String key, List<String> matchers) {
        sender(key, IntegrationType.PROMETHEUS);
        List<AlertMatcher> parsed = matchers == null
                ? List.of()
                : matchers.stream()
                        .map(m -> AlertMatcher.fromRequest("matcher", m))
                        .toList();
        return alerts.all(new AlertFilter(AlertStatus.FIRING, null, parsed, null, null));
    }

    /** Checks that the key is a Prometheus integration's, which may read the firing alerts. */
    public void reader(String key) {
        sender(key, IntegrationType.PROMETHEUS);
    }

    /** Alertmanager's webhook (payload version 4). */
    public void alertmanager(String key, byte[] body) {
        Integration from = sender(key, IntegrationType.ALERTMANAGER);
        JsonNode root = parse(body);
        writer.write(WebhookAlerts.parse(root, from, clock.instant(), limits, properties.maxAlertsPerRequest()));
    }

    /** Any JSON, mapped by the generic integration's mapping. */
    public void generic(String key, byte[] body) {
        Integration from = sender(key, IntegrationType.GENERIC);
        JsonNode root = parse(body);
        writer.write(GenericAlerts.parse(root, from, clock.instant(), limits));
    }

    /**
     * PagerDuty Events API v2; returns the event's dedup_key. Errors carry PagerDuty's wording.
     *
     * @param headerKey the {@code X-Routing-Key} header older pdpyras versions send instead of
     *     routing_key in the body, or null
     */
    public String pagerDuty(byte[] body, String headerKey) {
        PagerDutySender sender = pagerDutySender(body, headerKey);
        PagerDutyEvents.Event event = PagerDutyEvents.parse(sender.root(), sender.from(), clock.instant(), limits);
        writer.write(List.of(event.write()));
        return event.dedupKey();
    }

    /**
     * A PagerDuty change event ({@code POST /v2/change/enqueue}), with the routing key, body limit,
     * rate limit and error wording of {@link #pagerDuty}; returns once it is stored.
     */
    public ChangeEvent pagerDutyChange(byte[] body, String headerKey) {
        PagerDutySender sender = pagerDutySender(body, headerKey);
        Instant now = clock.instant();
        return changes.find(changes.insert(PagerDutyChanges.parse(sender.root(), sender.from(), now, json)));
    }

    private record PagerDutySender(JsonNode root, Integration from) {}

    /** The body's events-v2 integration, rate limit taken; PagerDuty's 400 for anything wrong. */
    private PagerDutySender pagerDutySender(byte[] body, String headerKey) {
        if (body != null && body.length > properties.pagerDutyMaxBody().toBytes()) {
            throw new IntakeException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request body is larger than the limit of "
                            + properties.pagerDutyMaxBody().toBytes() + " bytes");
        }
        JsonNode root;
        try {
            root = parse(body);
        } catch (IntakeException e) {
            throw PagerDutyEvents.invalid(List.of(e.getMessage()));
        }
        String key = headerKey != null && !headerKey.isBlank() && root.isObject() && !root.has("routing_key")
                ? headerKey.strip()
                : PagerDutyEvents.routingKey(root);
        Integration from = integrations
                .authenticate(key)
                .filter(i -> i.type() == IntegrationType.EVENTS_V2)
                .orElseThrow(() -> PagerDutyEvents.invalid(List.of("Invalid routing key")));
        rateLimits.take(from);
        return new PagerDutySender(root, from);
    }

    private Integration sender(String key, IntegrationType type) {
        if (key == null || key.isBlank()) {
            throw IntakeException.unauthorized("an integration key is required");
        }
        Integration from = integrations
                .authenticate(key)
                .filter(i -> i.type() == type)
                .orElseThrow(() -> IntakeException.unauthorized(
                        "unknown or disabled integration key for a " + type.id() + " integration"));
        rateLimits.take(from);
        return from;
    }

    private JsonNode parse(byte[] body) {
        return IntakeJson.parse(json, body);
    }
}
