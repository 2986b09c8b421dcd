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

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties, Clock clock) {
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
                .clock(clock::instant)
                .enableImmediateExecution();
        if (postgres(dataSource)) {
            // SELECT ... FOR UPDATE SKIP LOCKED: nodes share due timers without stepping on each other.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    /** Starts the scheduler once the server is ready and stops it before the data source closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, Environment environment) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                // `firebreak admin` opens the database only; timers are the server's to run.
                if (!"admin".equals(environment.getProperty("firebreak.mode", "server"))) {
                    scheduler.start();
                    running = true;
                }
            }

            @Override
            public void stop() {
                if (running) {
                    scheduler.stop();
                    running = false;
                }
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // After the web server has stopped taking requests (its phase is higher), before pools close.
                return Integer.MAX_VALUE - 4096;
            }
        };
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
