package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.Urgency;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * ntfy-style push: the text POSTed to the topic URL, with ntfy's headers for the title, priority
 * (5 for high urgency, 3 for low), click-through, tags and up to three action buttons
 * (acknowledge and resolve as {@code http} actions, the rest as {@code view}). {@code
 * X-Message-Id} carries the message key. Header values outside ASCII go as RFC 2047, which ntfy
 * decodes.
 */
@Component
class NtfyProvider implements NotificationProvider {
    private static final int MAX_ACTIONS = 3;
    private static final int TITLE = 250;
    private static final int BODY = 4000;

    private final HttpDelivery http;

    NtfyProvider(HttpDelivery http) {
        this.http = http;
    }

    @Override
    public ChannelType type() {
        return ChannelType.NTFY;
    }

    @Override
    public void checkAddress(String address) {
        HttpAddress.parse(address);
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        String text = message.content().text() == null ? "" : message.content().text();
        DeliveryOutcome outcome = http.send(
                message.destination().address(),
                "text/plain; charset=utf-8",
                Payloads.cut(text, BODY).getBytes(StandardCharsets.UTF_8),
                headers(message),
                message.timeout());
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            return new DeliveryOutcome.Sent(sent.status(), sent.answer(), ntfyId(sent.answer()));
        }
        return outcome;
    }

    static Map<String, String> headers(OutgoingMessage message) {
        RenderedMessage content = message.content();
        Map<String, String> headers = new LinkedHashMap<>();
        if (content.title() != null && !content.title().isBlank()) {
            headers.put("Title", header(Payloads.cut(content.title().strip(), TITLE)));
        }
        headers.put("Priority", message.urgency() == Urgency.LOW ? "3" : "5");
        Payloads.openUrl(content).ifPresent(url -> headers.put("Click", url));
        headers.put("Tags", String.join(",", tags(message)));
        List<String> actions = new ArrayList<>();
        for (RenderedMessage.Link link : content.links()) {
            if (actions.size() == MAX_ACTIONS) {
                break;
            }
            actions.add(action(link));
        }
        if (!actions.isEmpty()) {
            headers.put("Actions", header(String.join("; ", actions)));
        }
        headers.put("X-Message-Id", message.key());
        return headers;
    }

    /**
     * ntfy's short action syntax: {@code http, Acknowledge, <url>, method=POST,
     * headers.Accept=application/json, clear=true}.
     */
    static String action(RenderedMessage.Link link) {
        String label = quoted(link.label());
        String url = quoted(link.url());
        return switch (link.action()) {
            // The app POSTs the link itself (the token is the credential) and asks for JSON, not the page.
            case ACKNOWLEDGE, RESOLVE ->
                "http, " + label + ", " + url + ", method=POST, headers.Accept=application/json, clear=true";
            case OPEN, CONFIRM -> "view, " + label + ", " + url;
        };
    }

    static List<String> tags(OutgoingMessage message) {
        List<String> tags = new ArrayList<>();
        String state = message.content().state();
        if (message.kind() == MessageKind.PAGE || "triggered".equals(state)) {
            tags.add("rotating_light");
        } else if ("acknowledged".equals(state)) {
            tags.add("eyes");
        } else if ("resolved".equals(state)) {
            tags.add("white_check_mark");
        }
        if (message.content().severity() != null) {
            String severity =
                    message.content().severity().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
            if (!severity.isEmpty()) {
                tags.add(severity);
            }
        }
        tags.add("firebreak");
        return tags;
    }

    /** A value with a comma or semicolon in quotes, as ntfy's action parser reads them. */
    private static String quoted(String value) {
        String clean = value.replace("\"", "'").replaceAll("[\\r\\n]", " ");
        return clean.contains(",") || clean.contains(";") ? "\"" + clean + "\"" : clean;
    }

    /** Header values are ASCII; anything else as an RFC 2047 encoded word. */
    static String header(String value) {
        String line = value.replaceAll("[\\r\\n]+", " ");
        if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return line;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** ntfy answers the published message as JSON; its id is the provider's id. */
    private static String ntfyId(String answer) {
        try {
            JsonNode node = Payloads.JSON.readTree(answer);
            return node.hasNonNull("id") ? node.get("id").asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
