package dev.firebreak.notify.internal.channel;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.Destination;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.platform.FirebreakException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generic webhooks, for a team's endpoint and for a person's webhook contact method alike: a JSON
 * event signed with Standard Webhooks. {@code webhook-id} is the message key (the same on every
 * retry), {@code webhook-timestamp} the attempt's time. Channels sign with their own secrets (two
 * during a rotation), people's methods with {@link PersonalWebhookSecrets}.
 */
@Component
class WebhookProvider implements NotificationProvider {
    private final HttpDelivery http;
    private final PersonalWebhookSecrets personal;
    private final Incidents incidents;
    private final Clock clock;

    WebhookProvider(HttpDelivery http, PersonalWebhookSecrets personal, Incidents incidents, Clock clock) {
        this.http = http;
        this.personal = personal;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void checkAddress(String address) {
        HttpAddress.parse(address);
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        // A status page's subscriber gets the JSON the status page wrote (Statuspage.io's shape).
        byte[] body = message.kind() == MessageKind.SUBSCRIBER
                ? message.content().text().getBytes(StandardCharsets.UTF_8)
                : Payloads.bytes(payload(message, service(message)));
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", message.key());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        List<String> secrets = secrets(message.destination());
        if (!secrets.isEmpty()) {
            headers.put("webhook-signature", StandardWebhooks.signature(message.key(), timestamp, body, secrets));
        }
        return http.send(message.destination().address(), "application/json", body, headers, message.timeout());
    }

    /** A channel's own secrets; a person's method (labelled with its owner) gets its derived one. */
    private List<String> secrets(Destination destination) {
        if (!destination.secrets().isEmpty() || destination.label() == null) {
            return destination.secrets();
        }
        return List.of(personal.secretFor(destination.label(), destination.address()));
    }

    private String service(OutgoingMessage message) {
        if (message.incidentId() == null) {
            return null;
        }
        try {
            Incident incident = incidents.get(message.incidentId());
            return incident.service();
        } catch (FirebreakException gone) {
            return null;
        }
    }

    static ObjectNode payload(OutgoingMessage message, String service) {
        RenderedMessage content = message.content();
        ObjectNode root = Payloads.object();
        root.put("type", Payloads.eventType(message));
        root.put("timestamp", message.createdAt().toString());
        ObjectNode data = root.putObject("data");
        if (message.incidentId() == null) {
            data.putNull("incidentId");
        } else {
            data.put("incidentId", message.incidentId());
        }
        data.put("title", content.title());
        data.put("state", content.state());
        data.put("severity", content.severity());
        data.put("service", service);
        data.put(
                "urgency",
                message.urgency() == null ? null : message.urgency().name().toLowerCase());
        data.put("url", Payloads.openUrl(content).orElse(null));
        ArrayNode links = data.putArray("links");
        content.links().forEach(link -> links.addObject()
                .put("label", link.label())
                .put("url", link.url())
                .put("action", link.action().name().toLowerCase()));
        data.put("messageKey", message.key());
        data.put("text", content.text());
        return root;
    }
}
