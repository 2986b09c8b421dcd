package dev.firebreak.notify.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.platform.scheduling.TaskLane;
import dev.firebreak.platform.scheduling.TaskLanes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notify's own db-scheduler lane (table {@code notify_scheduled_tasks}, virtual threads): one
 * execution per message ({@code notify-send}, instance = message id), staged in the transaction
 * that wrote the message, so it is sent by exactly one node and survives any crash; and {@code
 * notify-undeliverable} ({@code <incident>-<seq>}), which moves escalation on when nobody of an
 * advance can be reached.
 */
@Configuration(proxyBeanMethods = false)
class NotifyLane {
    static final String LANE = "notify";
    static final String SEND = "notify-send";
    static final String UNDELIVERABLE = "notify-undeliverable";
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Bean
    TaskLane notifyTaskLane(
            NotifyProperties properties,
            ObjectProvider<Sender> sender,
            ObjectProvider<Undeliverable> undeliverable,
            ObjectProvider<UpdateReminders> reminders,
            LedgerTransactions transactions) {
        var send = Tasks.custom(SEND, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = sender.getObject().send(Long.parseLong(instance.getId()));
                    return next.<CompletionHandler<Void>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
        var stuck = Tasks.oneTime(UNDELIVERABLE)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> undeliverable.getObject().run(instance.getId()));
        var remind = Tasks.custom(UpdateReminders.TASK, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> {
                    Optional<Instant> next =
                            transactions.run(status -> reminders.getObject().due(instance.getId()));
                    return next.<CompletionHandler<Void>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
        return new TaskLane(
                LANE,
                "notify_scheduled_tasks",
                properties.threads(),
                properties.pollingInterval(),
                List.of(send, stuck, remind));
    }

    /** Stages a message's send at {@code at}, in the caller's transaction; a due one is picked at once. */
    static void schedule(TaskLanes lanes, long messageId, Instant at, Instant now) {
        SchedulerClient client = lanes.client(LANE);
        client.scheduleIfNotExists(new TaskInstance<Void>(SEND, Long.toString(messageId)), at);
        if (!at.isAfter(now)) {
            lanes.wake(LANE);
        }
    }

    /** Brings a staged send forward (the next rule after a permanent failure). */
    static void reschedule(TaskLanes lanes, long messageId, Instant at) {
        SchedulerClient client = lanes.client(LANE);
        TaskInstanceId id = TaskInstanceId.of(SEND, Long.toString(messageId));
        if (client.getScheduledExecution(id).isPresent()) {
            client.reschedule(id, at);
        } else {
            client.scheduleIfNotExists(new TaskInstance<Void>(SEND, Long.toString(messageId)), at);
        }
        lanes.wake(LANE);
    }

    static void undeliverable(TaskLanes lanes, long incidentId, int seq, Instant now) {
        lanes.client(LANE).scheduleIfNotExists(new TaskInstance<Void>(UNDELIVERABLE, incidentId + "-" + seq), now);
        lanes.wake(LANE);
    }
}
