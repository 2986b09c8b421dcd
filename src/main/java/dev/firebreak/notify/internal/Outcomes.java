package dev.firebreak.notify.internal;

import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.Message;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Records an attempt and moves the message on, in one transaction: sent; retried with backoff
 * (temporary); or failed for good, after which the page's next rule is due at once, or, when
 * nobody of the advance is left to try, escalation moves to its next step.
 */
@Component
class Outcomes {
    private final MessageStore messages;
    private final ChannelStore channels;
    private final ContactStatusStore contacts;
    private final NotifyMetrics metrics;
    private final TaskLanes lanes;
    private final NotifyProperties properties;

    Outcomes(
            MessageStore messages,
            ChannelStore channels,
            ContactStatusStore contacts,
            NotifyMetrics metrics,
            TaskLanes lanes,
            NotifyProperties properties) {
        this.messages = messages;
        this.channels = channels;
        this.contacts = contacts;
        this.metrics = metrics;
        this.lanes = lanes;
        this.properties = properties;
    }

    Optional<Instant> record(
            MessageRow message,
            List<MessageRow> bundled,
            DeliveryOutcome outcome,
            Instant started,
            long millis,
            Instant now) {
        messages.attempt(
                message.id(),
                new Message.Attempt(
                        message.attempts(),
                        started,
                        millis,
                        Sender.outcomeOf(outcome),
                        outcome.status(),
                        outcome.answer()));
        metrics.attempt(message.channel(), Sender.outcomeOf(outcome), millis);
        switch (outcome) {
            case DeliveryOutcome.Sent sent -> {
                messages.sent(message.id(), MessageState.SENT, sent.providerId(), now);
                messages.settleBundle(message.id(), MessageState.SENT, now, null);
                metrics.sent(message, now);
                return Optional.empty();
            }
            case DeliveryOutcome.Temporary temporary -> {
                Instant due = message.dueAt();
                String error = describe(outcome);
                if (Duration.between(due, now).compareTo(properties.giveUpAfter()) >= 0) {
                    giveUp(message, bundled, "gave up after " + message.attempts() + " attempts: " + error, now);
                    return Optional.empty();
                }
                Instant at = now.plus(Backoff.after(
                        message.attempts(), properties.retryInitial(), properties.retryMax(), temporary.retryAfter()));
                messages.retryAt(message.id(), at, error);
                return Optional.of(at);
            }
            case DeliveryOutcome.Permanent permanent -> {
                if (permanent.disable()) {
                    disable(message, describe(outcome), now);
                }
                giveUp(message, bundled, describe(outcome), now);
                return Optional.empty();
            }
        }
    }

    /** Fails the message (and the pages it carried) and moves each page on. */
    void giveUp(MessageRow message, List<MessageRow> bundled, String reason, Instant now) {
        messages.failed(message.id(), reason);
        messages.settleBundle(message.id(), MessageState.FAILED, null, reason);
        metrics.failed(message);
        moveOn(message, now);
        bundled.forEach(page -> moveOn(page, now));
    }

    private void moveOn(MessageRow message, Instant now) {
        if (message.kind() != MessageKind.PAGE || message.pageId() == null) {
            return;
        }
        Optional<MessageRow> next = messages.nextForPage(message.pageId(), message.id());
        if (next.isPresent()) {
            messages.dueNow(next.get().id(), now);
            NotifyLane.reschedule(lanes, next.get().id(), now);
            return;
        }
        if (messages.pendingForAdvance(message.incidentId(), message.pageSeq()).isEmpty()
                && !messages.anyReached(message.incidentId(), message.pageSeq())) {
            NotifyLane.undeliverable(lanes, message.incidentId(), message.pageSeq(), now);
        }
    }

    private void disable(MessageRow message, String reason, Instant now) {
        if (message.channelId() != null) {
            channels.disable(message.channelId(), "the endpoint answered: " + reason, now);
        } else if (message.contactMethodId() != null) {
            contacts.disabled(message.contactMethodId(), message.username(), "the channel answered: " + reason, now);
        }
    }

    private static String describe(DeliveryOutcome outcome) {
        String answer = outcome.answer() == null ? "" : outcome.answer();
        return outcome.status() == null ? answer : outcome.status() + (answer.isEmpty() ? "" : " " + answer);
    }
}
