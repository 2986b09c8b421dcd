package dev.firebreak.postmortem.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemStatus;
import dev.firebreak.postmortem.ActionItemWentOverdue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One timer per open action item ({@code action-item-due}, instance = item id), staged in the
 * transaction that set its due date. When it fires past the date it publishes
 * {@link ActionItemWentOverdue} in its own transaction (notify writes the reminder there), then waits
 * {@code remind-every} and looks again; a closed item ends it.
 */
@Configuration(proxyBeanMethods = false)
public class ActionItemDue {
    static final String TASK = "action-item-due";
    private static final Duration RETRY = Duration.ofSeconds(30);
    private final SchedulerClient scheduler;

    ActionItemDue(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    static Task<Void> actionItemDueTask(
            ObjectProvider<ActionItemStore> store,
            ObjectProvider<ApplicationEventPublisher> events,
            PostmortemProperties properties,
            Clock clock,
            TransactionTemplate transactions) {
        return Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> {
                    Optional<Instant> next = transactions.execute(status -> due(
                            store.getObject(),
                            events.getObject(),
                            properties,
                            clock,
                            Long.parseLong(instance.getId())));
                    return next.<CompletionHandler<Void>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    /** Stages (or moves) the item's timer to {@code at}, in the caller's transaction. */
    public void stage(long itemId, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        TaskInstanceId id = TaskInstanceId.of(TASK, Long.toString(itemId));
        if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
            scheduler.reschedule(id, when);
        } else {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, Long.toString(itemId)), when);
        }
    }

    /** @return when to look again, or empty when the item is closed */
    static Optional<Instant> due(
            ActionItemStore store,
            ApplicationEventPublisher events,
            PostmortemProperties properties,
            Clock clock,
            long itemId) {
        Optional<ActionItem> found = store.lock(itemId);
        if (found.isEmpty() || found.get().status() != ActionItemStatus.OPEN) {
            return Optional.empty();
        }
        ActionItem item = found.get();
        Instant now = clock.instant();
        if (now.isBefore(item.dueAt())) {
            return Optional.of(item.dueAt()); // its date moved later since this timer was set
        }
        Instant last = store.remindedAt(itemId);
        // A revived execution after a crash finds the reminder sent and does not send it twice.
        if (last == null || !now.isBefore(last.plus(properties.remindEvery()))) {
            store.reminded(itemId, now);
            events.publishEvent(new ActionItemWentOverdue(
                    item.id(), item.postmortemId(), item.incidentId(), item.title(), item.owner(), item.dueAt()));
            last = now;
        }
        return Optional.of(last.plus(properties.remindEvery()));
    }
}
