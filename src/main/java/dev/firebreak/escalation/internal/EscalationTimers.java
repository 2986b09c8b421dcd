package dev.firebreak.escalation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's db-scheduler tasks. Instances are named {@code <incidentId>-<seq>}: a timer carries
 * the advance it was scheduled for, and the handler does nothing when the state moved on since.
 * Every handler runs in one transaction with the row lock, the pages and the next timer.
 */
@Configuration(proxyBeanMethods = false)
class EscalationTimers {
    static final String STEP = "escalation-step";
    static final String ACK_TIMEOUT = "escalation-ack-timeout";
    static final String WATCH = "escalation-watch";
    // A failing handler (database down) tries again soon: a step that waits 5 minutes for a retry pages late.
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Bean
    Task<Void> escalationStepTask(ObjectProvider<EscalationEngine> engine, TransactionTemplate transactions) {
        return Tasks.oneTime(STEP)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> transactions.executeWithoutResult(
                        status -> engine.getObject().stepDue(incident(instance.getId()), seq(instance.getId()))));
    }

    @Bean
    Task<Void> escalationAckTimeoutTask(ObjectProvider<EscalationEngine> engine, TransactionTemplate transactions) {
        return Tasks.oneTime(ACK_TIMEOUT)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY))
                .execute((instance, context) -> transactions.executeWithoutResult(
                        status -> engine.getObject().ackTimeoutDue(incident(instance.getId()), seq(instance.getId()))));
    }

    /** Watches the watchers: counts steps that should have run and did not (every 30 s, on one node). */
    @Bean
    Task<Void> escalationWatchTask(ObjectProvider<EscalationWatch> watch) {
        return Tasks.recurring(WATCH, FixedDelay.ofSeconds(30))
                .execute((instance, context) -> watch.getObject().refresh());
    }

    static void schedule(SchedulerClient scheduler, String task, long incidentId, int seq, Instant at) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(task, id(incidentId, seq)), at);
    }

    /** Removes a pending timer; one already running finds its seq stale and does nothing. */
    static void cancel(SchedulerClient scheduler, String task, long incidentId, int seq) {
        TaskInstanceId instance = TaskInstanceId.of(task, id(incidentId, seq));
        scheduler
                .getScheduledExecution(instance)
                .filter(execution -> !execution.isPicked())
                .ifPresent(execution -> scheduler.cancel(instance));
    }

    static String id(long incidentId, int seq) {
        return incidentId + "-" + seq;
    }

    private static long incident(String id) {
        return Long.parseLong(id.substring(0, id.lastIndexOf('-')));
    }

    private static int seq(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }
}
