package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the HTTP providers' payloads share: one JSON mapper, cut text, the incident link, the event. */
final class Payloads {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static byte[] bytes(ObjectNode node) {
        return JSON.writeValueAsBytes(node);
    }

    /** At most {@code max} characters, an ellipsis marking a cut. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The incident page, for a title link or a notification's click. */
    static Optional<String> openUrl(RenderedMessage content) {
        return content.links().stream()
                .filter(link -> link.action() == RenderedMessage.Link.Action.OPEN)
                .map(RenderedMessage.Link::url)
                .findFirst();
    }

    /**
     * The event a message is about, as Standard Webhooks types name them: {@code incident.paged},
     * {@code incident.triggered}, {@code incident.acknowledged}, {@code incident.resolved}, ...
     */
    static String eventType(OutgoingMessage message) {
        String state = message.content().state();
        return switch (message.kind()) {
            case PAGE -> "incident.paged";
            case INCIDENT_UPDATE -> "incident." + (state == null ? "updated" : state);
            case UPDATE_REMINDER -> "incident.update_due";
            case ACTION_ITEM_REMINDER -> "action_item.overdue";
            case VERIFICATION -> "contact.verification";
            case TEST -> "notification.test";
            case SUBSCRIBER -> "status_page.update";
        };
    }

    /** A short line naming the incident and what happened, for context lines and footers. */
    static String context(OutgoingMessage message) {
        StringBuilder line = new StringBuilder("Firebreak");
        if (message.incidentId() != null) {
            line.append(" · incident #").append(message.incidentId());
        }
        if (message.kind() == MessageKind.PAGE) {
            line.append(" · paged");
        } else if (message.content().state() != null) {
            line.append(" · ").append(message.content().state());
        } else if (message.kind() == MessageKind.TEST) {
            line.append(" · test message");
        }
        return line.toString();
    }
}
