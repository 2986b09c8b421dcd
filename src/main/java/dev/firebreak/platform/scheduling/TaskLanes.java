package dev.firebreak.platform.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/** Scheduling into a {@link TaskLane}, inside the caller's transaction like the main client. */
public interface TaskLanes {
    SchedulerClient client(String lane);

    /**
     * Looks for due executions now instead of at the next poll. Only a shortcut: an execution is
     * found by the poll anyway, so a wake-up that comes too early or never loses nothing.
     */
    void wake(String lane);
}
