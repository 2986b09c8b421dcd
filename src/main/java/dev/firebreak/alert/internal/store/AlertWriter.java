package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertAcknowledged;
import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.AlertReceived;
import dev.firebreak.alert.AlertResolved;
import dev.firebreak.alert.AlertsRefreshed;
import dev.firebreak.alert.IntakeException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: requests queue their alerts and wait; a writer thread writes everything queued in
 * one transaction and then completes all waiting requests, so a 2xx always means committed while
 * concurrent senders share one commit. With more than one writer, one batch is written while
 * another's commit waits for the disk. A failed batch is retried request by request, so one bad
 * request cannot fail the others. Events are published inside the transaction: listeners use
 * {@code @TransactionalEventListener} (or Modulith's {@code @ApplicationModuleListener}) and run
 * after the commit. A request waits at most {@code firebreak.alerts.writer-timeout}, and the writer
 * threads outlive anything a batch throws, Errors included: a dead writer would hang every request.
 */
@Component
public class AlertWriter implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);
    private static final int QUEUE = 10_000;
    private static final int RACE_ATTEMPTS = 3;

    /** @param deadline System.nanoTime() by which the request gets its answer */
    private record Pending(List<AlertWrite> writes, CompletableFuture<List<AlertWritten>> done, long deadline) {}

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    /** Requests a writer has taken and not answered yet, for the watchdog. */
    private final Set<Pending> taken = ConcurrentHashMap.newKeySet();

    private final AlertStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxBatch;
    private final List<Thread> threads = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private final MeterRegistry registry;
    private final long timeoutNanos;

    AlertWriter(
            AlertStore store,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            AlertProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.maxBatch = Math.max(1, properties.maxBatch());
        this.timeoutNanos = Math.max(1, properties.writerTimeout().toNanos());
        this.registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.batchSizes = DistributionSummary.builder("firebreak.alerts.writer.batch")
                .description("requests committed together by the alert writer")
                .register(registry);
        this.commits = Timer.builder("firebreak.alerts.writer.commit")
                .description("time to write and commit one batch")
                .register(registry);
        for (int i = 0; i < Math.max(1, properties.writers()); i++) {
            threads.add(Thread.ofPlatform().name("alert-writer-" + i).daemon().start(this::run));
        }
        threads.add(Thread.ofPlatform().name("alert-writer-watchdog").daemon().start(this::watch));
    }

    /**
     * Writes the alerts and returns once they are committed, in the same order.
     *
     * @throws IntakeException.Unavailable when the queue is full or the writer took longer than the
     *     writer timeout
     */
    public List<AlertWritten> write(List<AlertWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        Pending pending = new Pending(writes, new CompletableFuture<>(), System.nanoTime() + timeoutNanos);
        if (!queue.offer(pending)) {
            throw new IntakeException.Unavailable("alert intake is overloaded; retry later", 1);
        }
        try {
            // Untimed: a timed wait costs a virtual request thread a timer each time (~12% of
            // single-alert intake); the watchdog answers requests that outlive the timeout.
            return pending.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(queue.remove(pending));
        }
    }

    /** Answers 503 to requests past their deadline, a few times per timeout. */
    private void watch() {
        long period = Math.max(1, Math.min(TimeUnit.MILLISECONDS.toNanos(250), timeoutNanos / 4));
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.NANOSECONDS.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Pending pending : queue) {
                if (now - pending.deadline() >= 0 && queue.remove(pending)) {
                    pending.done().completeExceptionally(timedOut(true));
                }
            }
            for (Pending pending : taken) {
                if (now - pending.deadline() >= 0 && !pending.done().isDone()) {
                    pending.done().completeExceptionally(timedOut(false));
                }
            }
        }
    }

    /** Still queued: taken out, so certainly never written. Already taken: it may yet commit. */
    private IntakeException timedOut(boolean removed) {
        registry.counter("firebreak.alerts.writer.timeouts", "queued", Boolean.toString(removed))
                .increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
        return new IntakeException.Unavailable(
                removed
                        ? "the alert writer did not take the alerts in time; nothing was stored, retry later"
                        : "the alert writer did not commit the alerts in time; they may be stored, retry later",
                retryAfter);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            batchSizes.record(batch.size());
            taken.addAll(batch);
            try {
                commits.record(() -> commit(batch));
            } catch (Throwable t) {
                failed(batch, t);
            } finally {
                batch.forEach(taken::remove);
                batch.clear();
            }
        }
    }

    /**
     * What commit() does not handle itself (an Error, or a failure of its own error handling):
     * the batch's unanswered requests fail, the thread goes on. A rolled-back transaction stored
     * nothing; requests answered before the failure keep their answer.
     */
    private void failed(List<Pending> batch, Throwable t) {
        log.error("the alert writer failed a batch of {} requests; it goes on", batch.size(), t);
        registry.counter(
                        "firebreak.alerts.writer.failures",
                        "exception",
                        t.getClass().getSimpleName())
                .increment();
        IntakeException answer = new IntakeException(
                HttpStatus.INTERNAL_SERVER_ERROR, "the alert writer failed; the server log has details");
        for (Pending pending : batch) {
            pending.done().completeExceptionally(answer);
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<List<AlertWritten>> results = transactions.execute(status -> apply(batch, clock.instant()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1 && !raced(batchFailure)) {
                log.warn("writing alerts failed: {}", batchFailure.toString());
                batch.get(0).done().completeExceptionally(batchFailure);
                return;
            }
            // A lone request's failed batch was its first attempt.
            int firstAttempt = batch.size() == 1 ? 2 : 1;
            for (Pending pending : batch) {
                applyAlone(pending, firstAttempt);
            }
        }
    }

    /** One request in its own transaction, tried again while it only lost a race with another node. */
    private void applyAlone(Pending pending, int firstAttempt) {
        for (int attempt = firstAttempt; ; attempt++) {
            try {
                pending.done()
                        .complete(transactions
                                .execute(status -> apply(List.of(pending), clock.instant()))
                                .get(0));
                return;
            } catch (RuntimeException e) {
                if (attempt < RACE_ATTEMPTS && raced(e)) {
                    continue;
                }
                log.warn("writing alerts failed: {}", e.toString());
                pending.done().completeExceptionally(e);
                return;
            }
        }
    }

    /**
     * Another node inserted the same new alert (the unique firing fingerprint), or locked the same
     * rows in another order, at the same moment: once it committed, a new attempt reads its rows.
     */
    private static boolean raced(RuntimeException e) {
        return e instanceof DuplicateKeyException || e instanceof ConcurrencyFailureException;
    }

    /**
     * Writes all requests' alerts together, then publishes their changes in order: a run of
     * refreshes as one {@link AlertsRefreshed}, any other change as its own event.
     */
    private List<List<AlertWritten>> apply(List<Pending> batch, Instant now) {
        List<AlertWrite> writes = new ArrayList<>();
        for (Pending pending : batch) {
            writes.addAll(pending.writes());
        }
        List<AlertWritten> written = store.applyAll(writes, now);
        List<Alert> refreshed = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            AlertWritten result = written.get(i);
            if (result.outcome() == AlertWritten.Outcome.REFRESHED) {
                refreshed.add(result.alert());
                continue;
            }
            if (result.outcome() != AlertWritten.Outcome.UNCHANGED && !refreshed.isEmpty()) {
                events.publishEvent(new AlertsRefreshed(List.copyOf(refreshed)));
                refreshed.clear();
            }
            publish(result, writes.get(i).sender());
        }
        if (!refreshed.isEmpty()) {
            events.publishEvent(new AlertsRefreshed(List.copyOf(refreshed)));
        }
        List<List<AlertWritten>> perRequest = new ArrayList<>(batch.size());
        int from = 0;
        for (Pending pending : batch) {
            perRequest.add(written.subList(from, from + pending.writes().size()));
            from += pending.writes().size();
        }
        return perRequest;
    }

    /** Publishes one write's change inside its transaction, as the writer does (also for heartbeats). */
    public void publish(AlertWritten result, String sender) {
        switch (result.outcome()) {
            case NEW -> events.publishEvent(new AlertReceived(result.alert(), true));
            case REFRESHED -> events.publishEvent(new AlertsRefreshed(List.of(result.alert())));
            case RESOLVED -> events.publishEvent(new AlertResolved(result.alert()));
            case ACKNOWLEDGED -> events.publishEvent(new AlertAcknowledged(result.alert(), sender));
            case UNCHANGED -> {}
        }
    }

    @Override
    public void destroy() {
        threads.forEach(Thread::interrupt);
    }
}
