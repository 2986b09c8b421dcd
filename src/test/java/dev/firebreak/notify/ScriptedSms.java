package dev.firebreak.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider added through the SPI, as an SMS gateway would be: answers what a test scripted per
 * number (default: accepted) and records every send, so the core's ledger logic is tested on its own.
 */
class ScriptedSms implements NotificationProvider {
    static final ChannelType SMS = new ChannelType("sms");

    record Sent(String key, String address, String title, String text, int attempt) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<DeliveryOutcome>> scripts = new ConcurrentHashMap<>();

    @Override
    public ChannelType type() {
        return SMS;
    }

    void answer(String address, DeliveryOutcome... outcomes) {
        scripts.computeIfAbsent(address, a -> new ArrayDeque<>()).addAll(List.of(outcomes));
    }

    static DeliveryOutcome tooMany(Duration retryAfter) {
        return new DeliveryOutcome.Temporary(429, "slow down", retryAfter);
    }

    static DeliveryOutcome badNumber() {
        return new DeliveryOutcome.Permanent(400, "not a mobile number", false);
    }

    List<Sent> to(String address) {
        return sent.stream().filter(s -> s.address().equals(address)).toList();
    }

    @Override
    public synchronized DeliveryOutcome send(OutgoingMessage message) {
        Queue<DeliveryOutcome> script = scripts.get(message.destination().address());
        DeliveryOutcome outcome = script == null || script.isEmpty() ? null : script.poll();
        if (outcome == null) {
            sent.add(new Sent(
                    message.key(),
                    message.destination().address(),
                    message.content().title(),
                    message.content().text(),
                    message.attempt()));
            return new DeliveryOutcome.Sent(200, "queued", "sms-" + message.id());
        }
        return outcome;
    }
}
