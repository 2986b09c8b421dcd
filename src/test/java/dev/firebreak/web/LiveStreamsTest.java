package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A browser that stops reading costs the publisher nothing: it is dropped, the others carry on. */
class LiveStreamsTest {
    private static final int CAPACITY = 16;

    /** Records what was sent, on which thread, and whether it completed. */
    static class RecordingEmitter extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        volatile Thread completedOn;

        @Override
        public void send(SseEventBuilder event) throws IOException {
            StringBuilder text = new StringBuilder();
            event.build().forEach(part -> text.append(part.getData()));
            sent.add(text.toString());
        }

        @Override
        public void complete() {
            completedOn = Thread.currentThread();
            completed.countDown();
        }
    }

    /** Its first send never returns until the test ends, like a write to a socket nobody reads. */
    static class StalledEmitter extends RecordingEmitter {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch stuck = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder event) throws IOException {
            stuck.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // a socket write does not end on interrupt either
                }
            }
            throw new IOException("broken pipe");
        }
    }

    @Test
    void aStalledClientIsDroppedWithoutBlockingThePublisherOrTheOthers() throws Exception {
        LiveStreams streams = new LiveStreams(CAPACITY);
        StalledEmitter stalled = new StalledEmitter();
        RecordingEmitter healthy = new RecordingEmitter();
        streams.open(stalled);
        streams.open(healthy);
        assertThat(stalled.stuck.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            long slowest = 0;
            int events = 0;
            for (int round = 0; round < 20; round++) {
                // bursts smaller than a queue, so that only the client that never reads overflows
                for (int i = 0; i < CAPACITY / 2; i++, events++) {
                    long start = System.nanoTime();
                    streams.push("incident", String.valueOf(events));
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
                int expected = events + 1; // and the ready event
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> healthy.sent.size() >= expected);
            }
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(50));
            assertThat(streams.size()).as("only the healthy client is left").isEqualTo(1);
            assertThat(healthy.sent.getFirst()).contains("event:ready");
            assertThat(healthy.sent.getLast()).contains("event:incident", "data:" + (events - 1));
            assertThat(healthy.sent.stream().filter(s -> s.contains("event:incident")))
                    .hasSize(events);

            long closing = System.nanoTime();
            streams.closeAll();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofMillis(50));
            assertThat(healthy.completed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(healthy.completedOn).isNotSameAs(Thread.currentThread());
            assertThat(stalled.completed.getCount())
                    .as("still stuck in its write")
                    .isEqualTo(1);
        } finally {
            stalled.release.countDown();
        }
        // The stalled stream completes on its own sender once its write ends, never on ours.
        assertThat(stalled.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stalled.completedOn).isNotSameAs(Thread.currentThread());
        assertThat(streams.size()).isZero();
    }

    @Test
    void aStreamOpenedWhileShuttingDownEndsAtOnce() throws Exception {
        LiveStreams streams = new LiveStreams(CAPACITY);
        streams.closeAll();
        RecordingEmitter late = new RecordingEmitter();
        streams.open(late);
        assertThat(late.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(streams.size()).isZero();
    }
}
