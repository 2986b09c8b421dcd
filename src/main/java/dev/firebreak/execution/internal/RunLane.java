package dev.firebreak.execution.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.firebreak.platform.scheduling.TaskLane;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Execution's own db-scheduler lane (table {@code execution_scheduled_tasks}, virtual threads), so
 * a five-minute command never holds up escalation timers: {@code command-run} (instance = run id),
 * staged in the transaction that queued the run, and {@code command-approval-expiry}, which ends an
 * approval nobody used.
 */
@Configuration(proxyBeanMethods = false)
public class RunLane {
    static final String LANE = "execution";
    static final String RUN = "command-run";
    static final String EXPIRY = "command-approval-expiry";
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Bean
    TaskLane executionTaskLane(ExecutionProperties properties, ObjectProvider<RunWorker> worker) {
        var run = Tasks.oneTime(RUN)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> worker.getObject().run(Long.parseLong(instance.getId())));
        var expiry = Tasks.oneTime(EXPIRY)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> worker.getObject().expire(Long.parseLong(instance.getId())));
        return new TaskLane(
                LANE,
                "execution_scheduled_tasks",
                Math.max(1, properties.threads()),
                properties.pollingInterval(),
                List.of(run, expiry));
    }

    /** Stages the run in the caller's transaction; a node picks it up as soon as that commits. */
    public static void queue(TaskLanes lanes, long runId, Instant now) {
        // Whole milliseconds: a database that rounds microseconds up would store it just after now.
        lanes.client(LANE)
                .scheduleIfNotExists(
                        new TaskInstance<Void>(RUN, Long.toString(runId)), now.truncatedTo(ChronoUnit.MILLIS));
        lanes.wake(LANE);
    }

    /** Ends the request or approval at {@code at} if it is still unused then. */
    public static void expire(TaskLanes lanes, long runId, Instant at) {
        var client = lanes.client(LANE);
        var id = com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(EXPIRY, Long.toString(runId));
        if (client.getScheduledExecution(id).isPresent()) {
            client.reschedule(id, at);
        } else {
            client.scheduleIfNotExists(new TaskInstance<Void>(EXPIRY, Long.toString(runId)), at);
        }
    }
}
