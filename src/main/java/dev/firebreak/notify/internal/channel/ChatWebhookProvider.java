package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.OutgoingMessage;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** A chat's incoming webhook: one JSON document POSTed to the channel's URL; only the document differs. */
abstract class ChatWebhookProvider implements NotificationProvider {
    private final HttpDelivery http;
    private final ChannelType type;
    private final Function<OutgoingMessage, ObjectNode> payload;

    ChatWebhookProvider(HttpDelivery http, ChannelType type, Function<OutgoingMessage, ObjectNode> payload) {
        this.http = http;
        this.type = type;
        this.payload = payload;
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public void checkAddress(String address) {
        HttpAddress.parse(address);
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        return http.send(
                message.destination().address(),
                "application/json",
                Payloads.bytes(payload.apply(message)),
                Map.of(),
                message.timeout());
    }
}
