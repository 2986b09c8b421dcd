package dev.firebreak.platform.scheduling;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;

/**
 * Tasks with a db-scheduler table and runner of their own, on virtual threads: notify's sends do
 * network I/O and must never wait behind, or hold up, escalation timers. A feature declares one as a
 * bean and schedules through {@link TaskLanes#client(String)}.
 *
 * @param table the lane's table, laid out as {@code scheduled_tasks}
 * @param threads executions a node runs at once in this lane
 * @param pollingInterval how often a node looks for due executions; {@link TaskLanes#wake} checks
 *     at once after a commit that made one due now
 */
public record TaskLane(String name, String table, int threads, Duration pollingInterval, List<Task<?>> tasks) {}
