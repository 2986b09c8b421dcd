package dev.firebreak.statuspage.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.OutsideMessages;
import dev.firebreak.statuspage.PageView;
import dev.firebreak.statuspage.PublicIncident;
import dev.firebreak.statuspage.PublicUpdate;
import dev.firebreak.statuspage.StatusPage;
import dev.firebreak.statuspage.StatuspageJson;
import dev.firebreak.statuspage.Subscriber;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words subscribers get, staged in notify's ledger in the caller's transaction: the
 * confirmation (double opt-in) and each update of a public incident or maintenance. Every message
 * carries the one-click unsubscribe link; mails also as List-Unsubscribe headers.
 */
@Component
public class SubscriberNotices {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutsideMessages outside;
    private final StatuspageJson json;
    private final NotifyProperties notify;

    SubscriberNotices(OutsideMessages outside, StatuspageJson json, NotifyProperties notify) {
        this.outside = outside;
        this.json = json;
        this.notify = notify;
    }

    public String unsubscribeUrl(StatusPage page, Subscriber subscriber) {
        return notify.url("/status/" + page.slug() + "/unsubscribe?token=" + subscriber.unsubscribeToken());
    }

    public String confirmUrl(StatusPage page, String token) {
        return notify.url("/status/" + page.slug() + "/confirm?token=" + token);
    }

    public void confirmation(StatusPage page, Subscriber subscriber, String token, long request) {
        String confirm = confirmUrl(page, token);
        String unsubscribe = unsubscribeUrl(page, subscriber);
        String subject = "Confirm your subscription to " + page.name() + " status";
        String body;
        if (subscriber.kind() == Subscriber.Kind.EMAIL) {
            body = "Somebody, hopefully you, asked for status updates of " + page.name() + " at this address.\n\n"
                    + "Confirm the subscription:\n" + confirm + "\n\n"
                    + "Until you confirm, nothing more is sent. If you did not ask for it, ignore this message.\n\n"
                    + "Unsubscribe: " + unsubscribe + "\n";
        } else {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("type", "subscription.confirm");
            meta.put("confirm", confirm);
            meta.put("unsubscribe", unsubscribe);
            Map<String, Object> pageJson = new LinkedHashMap<>();
            pageJson.put("id", page.publicId());
            pageJson.put("name", page.name());
            pageJson.put("url", json.pageUrl(page));
            body = JSON.writeValueAsString(Map.of("meta", meta, "page", pageJson));
        }
        outside.stage(new OutsideMessages.Outgoing(
                "status:confirm:" + subscriber.publicId() + ":" + request,
                channel(subscriber),
                subscriber.address(),
                subscriber.label(),
                subject,
                body,
                unsubscribe));
    }

    public void update(PageView view, PublicIncident incident, PublicUpdate update, Subscriber subscriber) {
        StatusPage page = view.page();
        String unsubscribe = unsubscribeUrl(page, subscriber);
        String subject = "[" + page.name() + "] " + incident.name() + ": "
                + update.status().label();
        String body;
        if (subscriber.kind() == Subscriber.Kind.EMAIL) {
            StringBuilder text = new StringBuilder()
                    .append(incident.name())
                    .append("\n\n")
                    .append(update.status().label())
                    .append(": ")
                    .append(update.body())
                    .append("\n");
            if (incident.kind() == PublicIncident.Kind.MAINTENANCE && incident.scheduledFor() != null) {
                text.append("\nScheduled: ")
                        .append(incident.scheduledFor())
                        .append(" to ")
                        .append(incident.scheduledUntil())
                        .append("\n");
            }
            text.append("\nStatus page: ").append(json.pageUrl(page)).append("\n");
            text.append("\nUnsubscribe: ").append(unsubscribe).append("\n");
            body = text.toString();
        } else {
            // The ledger keeps 8000 characters of a body: the new update only, as Statuspage.io's
            // webhooks lead with, and without the components if even that is too long.
            PublicIncident latest = new PublicIncident(
                    incident.id(),
                    incident.publicId(),
                    incident.pageId(),
                    incident.kind(),
                    null,
                    incident.name(),
                    incident.status(),
                    incident.impact(),
                    incident.scheduledFor(),
                    incident.scheduledUntil(),
                    incident.startedAt(),
                    incident.monitoringAt(),
                    incident.resolvedAt(),
                    incident.createdAt(),
                    incident.updatedAt(),
                    incident.components(),
                    java.util.List.of(update));
            body = JSON.writeValueAsString(json.webhook(view, latest, unsubscribe));
            if (body.length() > 7900) {
                latest = new PublicIncident(
                        latest.id(),
                        latest.publicId(),
                        latest.pageId(),
                        latest.kind(),
                        null,
                        latest.name(),
                        latest.status(),
                        latest.impact(),
                        latest.scheduledFor(),
                        latest.scheduledUntil(),
                        latest.startedAt(),
                        latest.monitoringAt(),
                        latest.resolvedAt(),
                        latest.createdAt(),
                        latest.updatedAt(),
                        java.util.List.of(),
                        latest.updates());
                body = JSON.writeValueAsString(json.webhook(view, latest, unsubscribe));
            }
        }
        outside.stage(new OutsideMessages.Outgoing(
                "status:update:" + update.publicId() + ":" + subscriber.publicId(),
                channel(subscriber),
                subscriber.address(),
                subscriber.label(),
                subject,
                body,
                unsubscribe));
    }

    public String webhookSecret(Subscriber subscriber) {
        return outside.webhookSecret(subscriber.label(), subscriber.address());
    }

    public void checkAddress(Subscriber.Kind kind, String address) {
        outside.check(
                kind == Subscriber.Kind.EMAIL ? ChannelType.EMAIL : ChannelType.WEBHOOK,
                kind == Subscriber.Kind.EMAIL ? "email" : "endpoint",
                address);
    }

    private static ChannelType channel(Subscriber subscriber) {
        return subscriber.kind() == Subscriber.Kind.EMAIL ? ChannelType.EMAIL : ChannelType.WEBHOOK;
    }
}
