package dev.firebreak.platform.web;

import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A server-sent event stream fed from a virtual thread of its own, so no request thread waits on it. */
public final class EventStreams {
    /** Writes the stream's events until it returns; the stream then completes. */
    public interface Source {
        void run(Sink sink) throws InterruptedException;
    }

    /** Sends one event as JSON; false once the client has gone. */
    public interface Sink {
        boolean send(String name, Object data);
    }

    private EventStreams() {}

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    public static SseEmitter start(String name, Duration timeout, Source source) {
        return start(name, timeout, KEEP_ALIVE, source);
    }

    /**
     * As {@link #start(String, Duration, Source)}, with a comment every {@code keepAlive}: proxies keep
     * a quiet stream open, and a client that went away is noticed and its source stopped.
     */
    public static SseEmitter start(String name, Duration timeout, Duration keepAlive, Source source) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Thread feeder = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                source.run((event, data) -> {
                    try {
                        emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                        return true;
                    } catch (IOException | IllegalStateException gone) {
                        return false;
                    }
                });
                emitter.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        feeder.start();
        Thread.ofVirtual().name(name + "-keep-alive").start(() -> {
            try {
                while (!feeder.join(keepAlive)) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException gone) {
                feeder.interrupt(); // the client left while the source was quiet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return emitter;
    }
}
