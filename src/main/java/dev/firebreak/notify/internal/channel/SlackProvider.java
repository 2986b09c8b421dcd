package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack incoming webhooks: Block Kit (header, the text as mrkdwn, fields, a context line, link
 * buttons) with a top-level {@code text} for notifications and clients without blocks. Each
 * block's {@code block_id} carries the message key, so a receiver can tell a repeat.
 */
@Component
class SlackProvider extends ChatWebhookProvider {
    // Slack's limits: header 150, section text 3000, field 2000 (10 of them), button text 75
    private static final int HEADER = 150;
    private static final int SECTION = 3000;
    private static final int FIELD = 2000;
    private static final int FIELDS = 10;
    private static final int BUTTON = 75;
    private static final int BUTTONS = 25;

    SlackProvider(HttpDelivery http) {
        super(http, ChannelType.SLACK, SlackProvider::payload);
    }

    static ObjectNode payload(OutgoingMessage message) {
        RenderedMessage content = message.content();
        String id = "fb-" + message.key();
        ObjectNode root = Payloads.object();
        String url = Payloads.openUrl(content).orElse(null);
        root.put("text", Payloads.cut(escape(content.title()) + (url == null ? "" : " <" + url + ">"), SECTION));
        ArrayNode blocks = root.putArray("blocks");
        if (content.title() != null && !content.title().isBlank()) {
            ObjectNode header = blocks.addObject().put("type", "header").put("block_id", id + "-header");
            header.putObject("text")
                    .put("type", "plain_text")
                    .put("text", Payloads.cut(content.title(), HEADER))
                    .put("emoji", true);
        }
        if (content.text() != null && !content.text().isBlank()) {
            ObjectNode section = blocks.addObject().put("type", "section").put("block_id", id + "-text");
            section.putObject("text").put("type", "mrkdwn").put("text", Payloads.cut(escape(content.text()), SECTION));
        }
        if (!content.fields().isEmpty()) {
            ObjectNode section = blocks.addObject().put("type", "section").put("block_id", id + "-fields");
            ArrayNode fields = section.putArray("fields");
            content.fields().stream().limit(FIELDS).forEach(field -> fields.addObject()
                    .put("type", "mrkdwn")
                    .put("text", Payloads.cut("*" + escape(field.label()) + "*\n" + escape(field.value()), FIELD)));
        }
        ObjectNode context = blocks.addObject().put("type", "context").put("block_id", id + "-context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", escape(Payloads.context(message)));
        if (!content.links().isEmpty()) {
            ObjectNode actions = blocks.addObject().put("type", "actions").put("block_id", id + "-actions");
            ArrayNode elements = actions.putArray("elements");
            int n = 0;
            for (RenderedMessage.Link link : content.links()) {
                if (n == BUTTONS) {
                    break;
                }
                ObjectNode button = elements.addObject()
                        .put("type", "button")
                        .put("action_id", "firebreak-" + link.action().name().toLowerCase() + "-" + n++)
                        .put("url", link.url());
                button.putObject("text").put("type", "plain_text").put("text", Payloads.cut(link.label(), BUTTON));
                if (link.action() == RenderedMessage.Link.Action.ACKNOWLEDGE) {
                    button.put("style", "primary");
                }
            }
        }
        return root;
    }

    /** Slack's mrkdwn reads &, < and > as markup: escaped as its docs ask. */
    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
