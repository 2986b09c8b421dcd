package dev.firebreak.execution.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The output of runs executing on this node, passed to watchers as it is read. Watchers of a run on
 * another node read the stored chunks instead; a chunk's sequence number orders both.
 */
@Component
public class LiveOutput {
    /** A piece of output and its place; {@code end} is sent once after the last. */
    public record Chunk(long runId, int seq, String text, boolean end) {}

    private final Map<Long, CopyOnWriteArrayList<Consumer<Chunk>>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();

    /** Watches a run; returns a handle that stops watching. Watchers must not block. */
    public Runnable watch(long runId, Consumer<Chunk> watcher) {
        watchers.compute(runId, (id, list) -> {
            var added = list == null ? new CopyOnWriteArrayList<Consumer<Chunk>>() : list;
            added.add(watcher);
            return added;
        });
        return () -> watchers.computeIfPresent(runId, (id, list) -> {
            list.remove(watcher);
            return list.isEmpty() ? null : list;
        });
    }

    public boolean runningHere(long runId) {
        return running.containsKey(runId);
    }

    void started(long runId) {
        running.put(runId, true);
    }

    void publish(Chunk chunk) {
        var list = watchers.get(chunk.runId());
        if (list != null) {
            list.forEach(w -> w.accept(chunk));
        }
        if (chunk.end()) {
            running.remove(chunk.runId());
            watchers.remove(chunk.runId());
        }
    }
}
