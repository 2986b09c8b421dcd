package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mattermost incoming webhooks: the message in Markdown ({@code text}, links inline since
 * attachment buttons need an integration to call back), one attachment with the fields as
 * Mattermost lays them out, and the message key in the post's {@code props}.
 */
@Component
class MattermostProvider extends ChatWebhookProvider {
    // Mattermost cuts posts at 16383 characters; leave room for the links
    private static final int TEXT = 12_000;

    MattermostProvider(HttpDelivery http) {
        super(http, ChannelType.MATTERMOST, MattermostProvider::payload);
    }

    static ObjectNode payload(OutgoingMessage message) {
        RenderedMessage content = message.content();
        StringBuilder text = new StringBuilder();
        if (content.title() != null && !content.title().isBlank()) {
            text.append("#### ").append(content.title().strip()).append("\n");
        }
        if (content.text() != null && !content.text().isBlank()) {
            text.append(Payloads.cut(content.text().strip(), TEXT)).append("\n");
        }
        if (!content.links().isEmpty()) {
            text.append("\n")
                    .append(content.links().stream()
                            .map(link -> "[" + link.label().replace("]", "") + "](" + link.url() + ")")
                            .collect(Collectors.joining(" · ")));
        }
        ObjectNode root = Payloads.object();
        root.put("text", text.toString().strip());
        if (!content.fields().isEmpty()) {
            ObjectNode attachment = root.putArray("attachments").addObject();
            attachment.put("fallback", content.title());
            attachment.put("color", color(content.state()));
            ArrayNode fields = attachment.putArray("fields");
            content.fields().forEach(field -> fields.addObject()
                    .put("short", true)
                    .put("title", field.label())
                    .put("value", field.value()));
            attachment.put("footer", Payloads.context(message));
        }
        ObjectNode props = root.putObject("props");
        props.put("firebreak_message_key", message.key());
        if (message.incidentId() != null) {
            props.put("firebreak_incident_id", message.incidentId());
        }
        return root;
    }

    static String color(String state) {
        if (state == null) {
            return "#8c8c8c";
        }
        return switch (state) {
            case "triggered" -> "#d92d20";
            case "acknowledged" -> "#f79009";
            case "resolved" -> "#12b76a";
            default -> "#8c8c8c";
        };
    }
}
