package dev.firebreak.alert.internal.heartbeat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.firebreak.alert.HeartbeatProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check for monitors past interval + grace: a recurring db-scheduler task, so one node runs
 * it at a time, it survives restarts (a monitor that went silent while every node was down goes
 * DOWN at the first run after start), and it only touches the database. Each monitor goes DOWN
 * in its own transaction with its alert.
 */
@Configuration(proxyBeanMethods = false)
class HeartbeatCheck {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatCheck.class);
    static final String TASK = "heartbeat-check";
    private static final int BATCH = 100;

    @Bean
    RecurringTask<Void> heartbeatCheckTask(
            HeartbeatProperties properties,
            HeartbeatStore store,
            HeartbeatTransitions transitions,
            TransactionTemplate transactions,
            Clock clock,
            ObjectProvider<WatchdogPings> pings) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.checkInterval()))
                .execute((instance, context) -> {
                    // This node's matched pings first, so a Watchdog heard a moment ago counts.
                    pings.ifAvailable(WatchdogPings::flush);
                    check(store, transitions, transactions, clock.instant());
                });
    }

    /** Takes every overdue UP monitor DOWN; returns how many this run did. */
    static int check(HeartbeatStore store, HeartbeatTransitions transitions, TransactionTemplate tx, Instant now) {
        int down = 0;
        List<Long> ids;
        do {
            ids = store.overdue(now, BATCH);
            for (long id : ids) {
                if (Boolean.TRUE.equals(tx.execute(status -> transitions.goDown(id, now)))) {
                    log.info("heartbeat monitor {} missed its ping and is DOWN", id);
                    down++;
                }
            }
        } while (ids.size() == BATCH);
        return down;
    }
}
