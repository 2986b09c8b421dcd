package dev.firebreak.execution.internal;

import dev.firebreak.execution.AuditAction;
import dev.firebreak.execution.CommandRun;
import dev.firebreak.execution.CommandRunner;
import dev.firebreak.execution.RunOutcome;
import dev.firebreak.execution.RunRequest;
import dev.firebreak.execution.RunState;
import dev.firebreak.execution.ServiceExecution;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.CommandRan.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes queued runs on the execution lane. A run is marked running in one transaction and ended
 * in another; one found already running was cut off by a node that stopped, and is recorded as
 * interrupted, never started a second time (a mutating command may not be safe to repeat).
 */
@Component
class RunWorker {
    private static final String SYSTEM = "firebreak";
    private static final int FINISH_ATTEMPTS = 5;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunWorker.class);
    private final RunStore runs;
    private final SwitchStore switches;
    private final AuditLog audit;
    private final Incidents incidents;
    private final CommandRunner runner;
    private final LiveOutput live;
    private final ExecutionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RunWorker(
            RunStore runs,
            SwitchStore switches,
            AuditLog audit,
            Incidents incidents,
            CommandRunner runner,
            LiveOutput live,
            ExecutionProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.switches = switches;
        this.audit = audit;
        this.incidents = incidents;
        this.runner = runner;
        this.live = live;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    void run(long runId) {
        CommandRun run = transactions.execute(status -> claim(runId));
        if (run == null) {
            return;
        }
        live.started(runId);
        AtomicInteger seq = new AtomicInteger();
        RunOutcome outcome;
        try (ChunkWriter chunks = new ChunkWriter(
                text -> {
                    // A chunk is numbered once stored: numbers stay contiguous, and followers rely on it.
                    try {
                        runs.appendOutput(runId, seq.get(), text);
                    } catch (RuntimeException e) {
                        log.warn("run {}: output not stored ({}); the pipe is still drained", runId, e.toString());
                        return;
                    }
                    live.publish(new LiveOutput.Chunk(runId, seq.getAndIncrement(), text, false));
                },
                Duration.ofMillis(100))) {
            outcome = runner.run(
                    new RunRequest(
                            run.script(),
                            run.environment(),
                            properties.timeout(),
                            properties.outputCap().toBytes()),
                    chunks);
        }
        finishOrRetry(run, outcome);
        live.publish(new LiveOutput.Chunk(runId, seq.get(), "", true));
    }

    /**
     * Records the end; a database blip is tried again here, since the task's own retry would find
     * the run RUNNING and call it interrupted, losing the exit code.
     */
    private void finishOrRetry(CommandRun run, RunOutcome outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> finish(run, outcome));
                return;
            } catch (RuntimeException e) {
                if (attempt == FINISH_ATTEMPTS) {
                    throw e;
                }
                log.warn("run {}: recording its end failed ({}), trying again", run.id(), e.toString());
                try {
                    Thread.sleep(Duration.ofSeconds(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private CommandRun claim(long runId) {
        CommandRun run = runs.lock(runId).orElse(null);
        if (run == null) {
            return null;
        }
        Instant now = clock.instant();
        if (run.state() == RunState.RUNNING) {
            runs.finish(
                    runId, RunState.INTERRUPTED, now, null, run.outputBytes(), 0, null, "the node running it stopped");
            audit.append(now, SYSTEM, AuditAction.FINISHED, runId, run.incidentId(), "interrupted");
            incidents.record(
                    run.incidentId(),
                    SYSTEM,
                    run.step() + " was interrupted: the node running it stopped; it is not run again by itself",
                    new TimelineDetail.CommandRan(
                            runId, run.step(), run.risk(), Outcome.INTERRUPTED, null, null, 0, null));
            return null;
        }
        if (run.state() != RunState.QUEUED) {
            return null;
        }
        if (!switches.find(run.service()).map(ServiceExecution::enabled).orElse(false)) {
            // Turned off after it was queued or approved: an admin's off switch wins.
            runs.finish(runId, RunState.COULD_NOT_START, now, null, 0, 0, null, "running commands was turned off");
            audit.append(now, SYSTEM, AuditAction.FINISHED, runId, run.incidentId(), "refused: turned off");
            incidents.record(
                    run.incidentId(),
                    SYSTEM,
                    run.step() + " did not run: running commands was turned off for " + run.service(),
                    new TimelineDetail.CommandRan(
                            runId, run.step(), run.risk(), Outcome.COULD_NOT_START, null, null, 0, null));
            return null;
        }
        return runs.start(runId, now, runner.describe()) ? run : null;
    }

    private void finish(CommandRun run, RunOutcome outcome) {
        Instant now = clock.instant();
        RunState state;
        Outcome kind;
        if (outcome.error() != null) {
            state = RunState.COULD_NOT_START;
            kind = Outcome.COULD_NOT_START;
        } else if (outcome.timedOut()) {
            state = RunState.TIMED_OUT;
            kind = Outcome.TIMED_OUT;
        } else if (outcome.succeeded()) {
            state = RunState.SUCCEEDED;
            kind = Outcome.SUCCEEDED;
        } else {
            state = RunState.FAILED;
            kind = Outcome.FAILED;
        }
        long kept = outcome.output().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long millis = outcome.duration().toMillis();
        runs.finish(run.id(), state, now, outcome.exitCode(), kept, outcome.droppedBytes(), millis, outcome.error());
        audit.append(
                now,
                SYSTEM,
                AuditAction.FINISHED,
                run.id(),
                run.incidentId(),
                state + " exit=" + outcome.exitCode() + " ms=" + millis + " output-sha256="
                        + dev.firebreak.execution.internal.AuditLog.sha256(outcome.output()));
        String how =
                switch (kind) {
                    case SUCCEEDED -> "exit 0";
                    case FAILED -> "exit " + outcome.exitCode();
                    case TIMED_OUT -> "killed after the " + properties.timeout().toSeconds() + " s timeout";
                    default -> outcome.error();
                };
        String dropped = outcome.droppedBytes() > 0 ? ", " + outcome.droppedBytes() + " bytes of output not kept" : "";
        incidents.record(
                run.incidentId(),
                SYSTEM,
                run.step() + " " + how + " in " + seconds(millis) + dropped,
                new TimelineDetail.CommandRan(
                        run.id(),
                        run.step(),
                        run.risk(),
                        kind,
                        outcome.exitCode(),
                        millis,
                        outcome.droppedBytes(),
                        excerpt(outcome.output())));
    }

    void expire(long runId) {
        transactions.executeWithoutResult(status -> {
            CommandRun run = runs.lock(runId).orElse(null);
            Instant now = clock.instant();
            if (run == null
                    || run.approvalExpiresAt() == null
                    || now.isBefore(run.approvalExpiresAt())
                    || !(run.state() == RunState.AWAITING_APPROVAL || run.state() == RunState.APPROVED)) {
                return;
            }
            runs.finish(runId, RunState.EXPIRED, now, null, 0, 0, null, null);
            audit.append(
                    now,
                    SYSTEM,
                    AuditAction.EXPIRED,
                    runId,
                    run.incidentId(),
                    run.state().name());
            incidents.record(
                    run.incidentId(),
                    SYSTEM,
                    (run.state() == RunState.APPROVED ? "the approval of " : "the request to run ") + run.step()
                            + " expired unused",
                    new TimelineDetail.CommandRan(runId, run.step(), run.risk(), Outcome.EXPIRED, null, null, 0, null));
        });
    }

    private static String excerpt(String output) {
        int max = TimelineDetail.CommandRan.EXCERPT;
        return output.length() <= max ? output : output.substring(0, max) + "\n…";
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
