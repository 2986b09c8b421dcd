package dev.firebreak.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** One runner per {@link TaskLane}, rebuilt at each context start like the main scheduler. */
final class LaneRunners implements SmartLifecycle, TaskLanes {
    private final DataSource dataSource;
    private final Map<String, TaskLane> lanes;
    private final Map<String, SchedulerClient> clients;
    private final SchedulerProperties properties;
    private final Clock clock;
    private final boolean postgres;
    private final boolean run;
    private final Map<String, Scheduler> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    LaneRunners(
            DataSource dataSource,
            List<TaskLane> lanes,
            SchedulerProperties properties,
            Clock clock,
            boolean postgres,
            boolean run) {
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.lanes = lanes.stream().collect(Collectors.toMap(TaskLane::name, Function.identity()));
        this.clients = lanes.stream().collect(Collectors.toMap(TaskLane::name, lane -> SchedulerClient.Builder.create(
                        this.dataSource, lane.tasks())
                .tableName(lane.table())
                .build()));
        this.properties = properties;
        this.clock = clock;
        this.postgres = postgres;
        this.run = run;
    }

    @Override
    public SchedulerClient client(String lane) {
        SchedulerClient client = clients.get(lane);
        if (client == null) {
            throw new IllegalArgumentException("no task lane " + lane);
        }
        return client;
    }

    @Override
    public void wake(String lane) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeNow(lane);
                }
            });
        } else {
            wakeNow(lane);
        }
    }

    private void wakeNow(String lane) {
        Scheduler scheduler = running.get(lane);
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        started = true;
        if (!run) {
            return;
        }
        for (TaskLane lane : lanes.values()) {
            var builder = Scheduler.create(dataSource, lane.tasks())
                    .tableName(lane.table())
                    .executorService(Executors.newVirtualThreadPerTaskExecutor())
                    .threads(Math.max(1, lane.threads()))
                    .pollingInterval(lane.pollingInterval())
                    .heartbeatInterval(properties.heartbeat())
                    .shutdownMaxWait(properties.shutdownWait())
                    .clock(clock::instant);
            if (postgres) {
                builder.pollUsingLockAndFetch(0.5, 1.0);
            }
            Scheduler scheduler = builder.build();
            scheduler.start();
            running.put(lane.name(), scheduler);
        }
    }

    @Override
    public void stop() {
        running.values().forEach(Scheduler::stop);
        running.clear();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
