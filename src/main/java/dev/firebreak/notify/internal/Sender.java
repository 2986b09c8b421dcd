package dev.firebreak.notify.internal;

import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.Destination;
import dev.firebreak.notify.Message;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.MessageState;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.OutgoingMessage;
import dev.firebreak.notify.RenderedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * One execution of a message's send, on a virtual thread of the notify lane: claim it (throttle,
 * bundle, cap) in one short transaction, send outside any transaction with a hard timeout, then
 * record the attempt and the outcome in another, retried until it commits. Only a crash between the
 * two leaves the row SENDING; the execution is revived on some node, which sends again under the
 * same key.
 */
@Component
class Sender {
    private final MessageStore messages;
    private final Providers providers;
    private final MessageComposer composer;
    private final ChannelStore channels;
    private final ChannelLimits limits;
    private final Outcomes outcomes;
    private final SendThrottle throttle;
    private final NotifyProperties properties;
    private final LedgerTransactions transactions;
    private final Clock clock;

    Sender(
            MessageStore messages,
            Providers providers,
            MessageComposer composer,
            ChannelStore channels,
            ChannelLimits limits,
            Outcomes outcomes,
            SendThrottle throttle,
            NotifyProperties properties,
            LedgerTransactions transactions,
            Clock clock) {
        this.messages = messages;
        this.providers = providers;
        this.composer = composer;
        this.channels = channels;
        this.limits = limits;
        this.outcomes = outcomes;
        this.throttle = throttle;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return when to run again, or empty when the message needs no more executions */
    Optional<Instant> send(long id) {
        Optional<MessageRow> peek = messages.find(id);
        if (peek.isEmpty() || peek.get().state().finished()) {
            return Optional.empty();
        }
        if (!limits.tryAcquire(peek.get().channel())) {
            // The channel is at its limit on this node: try again shortly, holding nothing meanwhile.
            return Optional.of(LedgerTime.now(clock).plusMillis(200 + (id % 300)));
        }
        try {
            Claim claim = transactions.run(status -> throttle.claim(id, LedgerTime.now(clock)));
            return switch (claim) {
                case Claim.Done done -> Optional.empty();
                case Claim.Later later -> Optional.of(later.at());
                case Claim.Go go -> attempt(go);
            };
        } finally {
            limits.release(peek.get().channel());
        }
    }

    private Optional<Instant> attempt(Claim.Go go) {
        MessageRow message = go.message();
        NotificationProvider provider = providers.find(message.channel()).orElseThrow();
        Instant started = LedgerTime.now(clock);
        long t0 = System.nanoTime();
        DeliveryOutcome outcome;
        try {
            RenderedMessage content = content(message, go.bundled());
            Duration timeout = properties.timeoutFor(message.channel());
            OutgoingMessage outgoing = new OutgoingMessage(
                    message.id(),
                    message.key(),
                    message.kind(),
                    message.channel(),
                    new Destination(
                            message.address(),
                            message.username(),
                            message.channelId() == null ? List.of() : channels.secrets(message.channelId(), started)),
                    content,
                    message.incidentId(),
                    message.urgency(),
                    message.attempts(),
                    timeout,
                    message.createdAt());
            transactions.run(status -> {
                messages.content(message.id(), content.title(), content.text());
                return null;
            });
            outcome = withTimeout(provider, outgoing, timeout);
        } catch (RuntimeException e) {
            outcome = new DeliveryOutcome.Temporary(null, "could not send: " + e, null);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        DeliveryOutcome settled = outcome;
        return transactions.record(
                status -> outcomes.record(message, go.bundled(), settled, started, millis, LedgerTime.now(clock)));
    }

    private RenderedMessage content(MessageRow message, List<MessageRow> bundled) {
        if (message.kind() != MessageKind.PAGE
                && message.kind() != MessageKind.INCIDENT_UPDATE
                && message.body() != null) {
            return new RenderedMessage(message.subject(), message.body(), null, null, null, null, null, null);
        }
        return composer.compose(message, bundled);
    }

    /** The provider should give up by the timeout itself; this stops waiting for one that does not. */
    private static DeliveryOutcome withTimeout(
            NotificationProvider provider, OutgoingMessage message, Duration timeout) {
        FutureTask<DeliveryOutcome> future = new FutureTask<>(() -> provider.send(message));
        Thread.ofVirtual().name("notify-send-" + message.id()).start(future);
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new DeliveryOutcome.Temporary(null, "timed out after " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            return new DeliveryOutcome.Temporary(null, "provider failed: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new DeliveryOutcome.Temporary(null, "interrupted", null);
        }
    }

    static boolean sentState(MessageState state) {
        return state == MessageState.SENT || state == MessageState.DELIVERED;
    }

    static Message.Outcome outcomeOf(DeliveryOutcome outcome) {
        return switch (outcome) {
            case DeliveryOutcome.Sent sent -> Message.Outcome.SENT;
            case DeliveryOutcome.Temporary temporary ->
                temporary.answer() != null && temporary.answer().startsWith("timed out")
                        ? Message.Outcome.TIMEOUT
                        : Message.Outcome.TEMPORARY;
            case DeliveryOutcome.Permanent permanent -> Message.Outcome.PERMANENT;
        };
    }
}
