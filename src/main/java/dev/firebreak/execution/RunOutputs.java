package dev.firebreak.execution;

import dev.firebreak.execution.internal.LiveOutput;
import dev.firebreak.execution.internal.RunStore;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Follows a run's output from its first chunk to its end, whichever node runs it: chunks stored so
 * far, then live ones from this node as they are read (each is stored before it is published), or
 * the stored ones re-read every half second when another node runs it. In order, each once.
 */
@Service
public class RunOutputs {
    /** Receives the chunks in order, then the ended run once. Returning false stops following. */
    public interface Watcher {
        boolean chunk(int seq, String text);

        void end(CommandRun run);

        /**
         * As named events: {@code output} with {@code {"seq":n,"text":"…"}} for each chunk, then one
         * {@code end} with the run; {@code send} returns false to stop.
         */
        static Watcher events(java.util.function.BiPredicate<String, Object> send) {
            return new Watcher() {
                @Override
                public boolean chunk(int seq, String text) {
                    return send.test("output", java.util.Map.of("seq", seq, "text", text));
                }

                @Override
                public void end(CommandRun run) {
                    send.test("end", run);
                }
            };
        }
    }

    private static final Duration REMOTE_POLL = Duration.ofMillis(500);
    private final RunStore runs;
    private final LiveOutput live;

    RunOutputs(RunStore runs, LiveOutput live) {
        this.runs = runs;
        this.live = live;
    }

    /** Blocks until the run ends, the watcher stops or {@code limit} passes; call it off request threads. */
    public void follow(long runId, Watcher watcher, Duration limit) throws InterruptedException {
        runs.find(runId).orElseThrow(() -> new FirebreakException.NotFound("no run " + runId));
        LinkedBlockingQueue<LiveOutput.Chunk> queue = new LinkedBlockingQueue<>();
        Runnable stop = live.watch(runId, queue::offer);
        long deadline = System.nanoTime() + limit.toNanos();
        int next = 0;
        try {
            while (System.nanoTime() < deadline) {
                List<String> stored = runs.output(runId, next);
                for (String text : stored) {
                    if (!watcher.chunk(next++, text)) {
                        return;
                    }
                }
                CommandRun run = runs.find(runId).orElseThrow();
                if (run.state() == RunState.AWAITING_APPROVAL || run.state() == RunState.APPROVED) {
                    watcher.end(run); // nothing will come until somebody approves or starts it
                    return;
                }
                if (run.state().ended()) {
                    for (String text : runs.output(runId, next)) {
                        if (!watcher.chunk(next++, text)) {
                            return;
                        }
                    }
                    watcher.end(run);
                    return;
                }
                // Live chunks in order need no database read; anything else sends us back to the table.
                LiveOutput.Chunk chunk = queue.poll(REMOTE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                while (chunk != null && !chunk.end() && chunk.seq() <= next) {
                    if (chunk.seq() == next) {
                        if (!watcher.chunk(next++, chunk.text())) {
                            return;
                        }
                    }
                    chunk = queue.poll();
                }
            }
        } finally {
            stop.run();
        }
    }
}
