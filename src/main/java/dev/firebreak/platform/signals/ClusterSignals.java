package dev.firebreak.platform.signals;

import java.util.function.Consumer;

/**
 * Small best-effort signals between the nodes that share one database, such as "incident 42
 * changed" for live pages. Not durable: a node that is down or disconnected misses what was sent
 * meanwhile. Signals never come back to the node that sent them.
 */
public interface ClusterSignals extends AutoCloseable {
    /**
     * Tells the other nodes; returns at once and never does I/O on the caller's thread (a full
     * outbox drops the signal). {@code data} must not contain a line break.
     */
    void broadcast(String topic, String data);

    /** Calls {@code receiver} with the data of every signal on {@code topic} from another node. */
    void subscribe(String topic, Consumer<String> receiver);

    /** Declared here so that the bean's destroy method is known from its declared type (Spring AOT). */
    @Override
    default void close() {}
}
