package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
 * received"): an Adaptive Card 1.2 in a {@code message} attachment, links as Action.OpenUrl. The
 * retired Office 365 connectors' MessageCard is not sent. The card's first element has the
 * message key as its id.
 */
@Component
class TeamsProvider extends ChatWebhookProvider {
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String CARD = "application/vnd.microsoft.card.adaptive";
    // Teams refuses messages over about 28 KB; the text is what can grow
    private static final int TEXT = 16_000;

    TeamsProvider(HttpDelivery http) {
        super(http, ChannelType.TEAMS, TeamsProvider::payload);
    }

    static ObjectNode payload(OutgoingMessage message) {
        RenderedMessage content = message.content();
        ObjectNode root = Payloads.object().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", CARD);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", SCHEMA).put("type", "AdaptiveCard").put("version", "1.2");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject()
                .put("type", "TextBlock")
                .put("id", "firebreak-" + message.key())
                .put("text", content.title() == null ? "" : content.title())
                .put("size", "Large")
                .put("weight", "Bolder")
                .put("wrap", true);
        if ("triggered".equals(content.state())) {
            title.put("color", "Attention");
        }
        if (content.text() != null && !content.text().isBlank()) {
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", Payloads.cut(content.text(), TEXT))
                    .put("wrap", true);
        }
        if (!content.fields().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            content.fields()
                    .forEach(field ->
                            facts.addObject().put("title", field.label()).put("value", field.value()));
        }
        body.addObject()
                .put("type", "TextBlock")
                .put("text", Payloads.context(message))
                .put("isSubtle", true)
                .put("size", "Small")
                .put("wrap", true);
        if (!content.links().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            content.links().forEach(link -> actions.addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", link.label())
                    .put("url", link.url()));
        }
        return root;
    }
}
