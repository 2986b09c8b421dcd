package dev.firebreak.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler per node over the application's database. Features contribute their
 * {@link Task} beans and schedule through {@link SchedulerClient}; the data source is
 * transaction-aware, so a timer scheduled inside a business transaction commits or rolls back
 * with it. The scheduler reads the domain {@link Clock}, so tests that move the clock fire timers.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /** Schedules and cancels timers; features use it inside their transactions. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .build();
    }

    /**
     * Runs due timers while the context runs. A db-scheduler cannot start again once stopped, and
     * a context can be stopped and started (tests' cached contexts are paused), so each start
     * builds a new one.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(
            DataSource dataSource,
            List<Task<?>> tasks,
            SchedulerProperties properties,
            Clock clock,
            Environment environment) {
        boolean postgres = postgres(dataSource);
        return new SmartLifecycle() {
            private volatile Scheduler scheduler;

            @Override
            public void start() {
                // `firebreak admin` opens the database only; timers are the server's to run.
                if (!"admin".equals(environment.getProperty("firebreak.mode", "server"))) {
                    Scheduler created = build(dataSource, tasks, properties, clock, postgres);
                    created.start();
                    scheduler = created;
                }
            }

            @Override
            public void stop() {
                Scheduler running = scheduler;
                if (running != null) {
                    running.stop();
                    scheduler = null;
                }
            }

            @Override
            public boolean isRunning() {
                return scheduler != null;
            }

            @Override
            public int getPhase() {
                // After the web server has stopped taking requests (its phase is higher), before pools close.
                return Integer.MAX_VALUE - 4096;
            }
        };
    }

    /** The runners of features' own lanes ({@link TaskLane}), and their clients. */
    @Bean
    LaneRunners taskLanes(
            DataSource dataSource,
            List<TaskLane> lanes,
            SchedulerProperties properties,
            Clock clock,
            Environment environment) {
        return new LaneRunners(
                dataSource,
                lanes,
                properties,
                clock,
                postgres(dataSource),
                !"admin".equals(environment.getProperty("firebreak.mode", "server")));
    }

    private static Scheduler build(
            DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties, Clock clock, boolean postgres) {
        // Recurring tasks are start tasks: db-scheduler schedules their first run if none is stored.
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        List<Task<?>> others = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeat())
                .threads(Math.max(1, properties.threads()))
                .shutdownMaxWait(properties.shutdownWait())
                .clock(clock::instant);
        if (postgres) {
            // SELECT ... FOR UPDATE SKIP LOCKED: nodes share due timers without stepping on each other.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        } catch (SQLException e) {
            log.warn("could not read the database product; polling without row locks: {}", e.toString());
            return false;
        }
    }
}
