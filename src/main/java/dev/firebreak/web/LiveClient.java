package dev.firebreak.web;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open event stream: a small queue and a virtual thread that sends from it, so that a browser
 * that stops reading blocks only its own sender. Its queue fills, and it is dropped.
 */
final class LiveClient {
    private final SseEmitter emitter;
    private final BlockingQueue<SseEventBuilder> queue;
    private final Consumer<LiveClient> onClosed;
    private final Thread sender;
    private final AtomicBoolean closed = new AtomicBoolean();

    LiveClient(SseEmitter emitter, int capacity, Consumer<LiveClient> onClosed) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClosed = onClosed;
        this.sender = Thread.ofVirtual().name("live-events").unstarted(this::run);
    }

    void start() {
        sender.start();
    }

    /** Never waits: a full queue means the browser stopped reading, so it is dropped instead. */
    boolean offer(SseEventBuilder event) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(event)) {
            close();
            return false;
        }
        return true;
    }

    /**
     * Never waits either: the sender completes the stream on its way out. A sender stuck in a write
     * to a stalled browser holds the emitter's lock, and only the write's timeout ends it.
     */
    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            sender.interrupt();
            onClosed.accept(this);
        }
    }

    private void run() {
        try {
            while (!closed.get()) {
                emitter.send(queue.take());
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | IllegalStateException e) {
            // the browser left, or the stream already ended
        } finally {
            close();
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already complete
            }
        }
    }
}
