package dev.firebreak.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The open event streams of this node; pushing only offers to their queues. */
final class LiveStreams {
    // Events are a few dozen bytes: a burst of incident changes fits, a page that stopped reading does not.
    static final int CAPACITY = 256;
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final int capacity;
    private volatile boolean closed;

    LiveStreams(int capacity) {
        this.capacity = capacity;
    }

    /** Starts streaming to {@code emitter}, {@code ready} first (the browser's "open" needs bytes). */
    SseEmitter open(SseEmitter emitter) {
        LiveClient client = new LiveClient(emitter, capacity, clients::remove);
        emitter.onCompletion(client::close);
        emitter.onTimeout(client::close);
        emitter.onError(e -> client.close());
        client.offer(SseEmitter.event().name("ready").data("ready").reconnectTime(5000));
        clients.add(client);
        client.start();
        if (closed) {
            client.close(); // shutting down: closeAll may have missed this one
        }
        return emitter;
    }

    void push(String name, String data) {
        for (LiveClient client : clients) {
            client.offer(SseEmitter.event().name(name).data(data));
        }
    }

    void comment(String text) {
        for (LiveClient client : clients) {
            client.offer(SseEmitter.event().comment(text));
        }
    }

    int size() {
        return clients.size();
    }

    /** Ends every stream and refuses new ones; returns at once. */
    void closeAll() {
        closed = true;
        for (LiveClient client : clients) {
            client.close();
        }
    }
}
