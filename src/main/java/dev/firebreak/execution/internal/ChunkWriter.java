package dev.firebreak.execution.internal;

import dev.firebreak.execution.OutputSink;
import java.util.function.Consumer;

/**
 * Batches a run's output lines into numbered chunks: the first line at once (a watcher sees output
 * without waiting), then at most every {@code interval} or 64 KiB, and the rest at {@link #close}.
 * Each chunk is stored before it is published, so a watcher that reads the stored ones and then
 * the live ones, by number, misses nothing and sees nothing twice.
 */
final class ChunkWriter implements OutputSink, AutoCloseable {
    private static final int MAX_CHUNK = 64 * 1024;
    private final Consumer<String> store;
    private final long intervalNanos;
    private final StringBuilder buffer = new StringBuilder();
    private final Thread flusher;
    private long lastFlush;
    private volatile boolean closed;

    ChunkWriter(Consumer<String> store, java.time.Duration interval) {
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.lastFlush = System.nanoTime() - intervalNanos;
        this.flusher = Thread.ofVirtual().name("run-chunks").start(this::flushLoop);
    }

    @Override
    public synchronized void accept(String text) {
        buffer.append(text);
        if (buffer.length() >= MAX_CHUNK || System.nanoTime() - lastFlush >= intervalNanos) {
            flush();
        }
    }

    private synchronized void flush() {
        while (!buffer.isEmpty()) {
            int end = Math.min(buffer.length(), MAX_CHUNK);
            if (end < buffer.length() && Character.isHighSurrogate(buffer.charAt(end - 1))) {
                end--; // never split a surrogate pair across chunks
            }
            store.accept(buffer.substring(0, end));
            buffer.delete(0, end);
        }
        lastFlush = System.nanoTime();
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(java.time.Duration.ofNanos(intervalNanos));
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                flush();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        // Not interrupted: a flush in the middle of its insert would lose its connection.
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
