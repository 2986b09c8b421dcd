package dev.firebreak.notify;

/**
 * Delivers messages over one channel type. Add a provider (SMS, voice) by declaring a bean: the
 * core keeps the ledger, retries, throttles, timeouts and concurrency limits, so a provider does one
 * send and says what it came to. docs/notifications.md describes the contract.
 */
public interface NotificationProvider {
    ChannelType type();

    /**
     * Checks an address before it is saved (a contact method, a channel's URL).
     *
     * @throws InvalidDestination with the reason, shown to the person saving it
     */
    default void checkAddress(String address) {}

    /**
     * Sends once and classifies the result; never retries and never throws for a failed send. Runs
     * on a virtual thread of the notify lane, so blocking I/O is fine; give up by {@code
     * message.timeout()}.
     */
    DeliveryOutcome send(OutgoingMessage message);
}
