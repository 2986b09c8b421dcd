package dev.firebreak.alert.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.IntakeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** The writer's answer when a write loses a race with another node, without a database. */
class AlertWriterTest {
    private static final AlertWrite FIRE = new AlertWrite(
            AlertWrite.Action.FIRE,
            "0123456789abcdef",
            1,
            "prometheus",
            null,
            Map.of("alertname", "Race"),
            Map.of(),
            Instant.EPOCH,
            null,
            null,
            null);

    private static final ObjectProvider<MeterRegistry> NO_METERS =
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class);

    private AlertWriter writer;

    /** A store whose applyAll throws what {@code failures} hands out, then succeeds. */
    private AlertWriter writer(Supplier<RuntimeException> failures, AtomicInteger calls) {
        return writer(1, () -> {
            calls.incrementAndGet();
            RuntimeException failure = failures.get();
            if (failure != null) {
                throw failure;
            }
        });
    }

    /** {@code writers} writer threads over a store that runs {@code inside} for each batch. */
    private AlertWriter writer(int writers, Runnable inside) {
        return writer(writers, Duration.ofSeconds(30), NO_METERS, writes -> inside.run());
    }

    /** As above, with a writer timeout and meters, and a store that sees each batch's writes. */
    private AlertWriter writer(
            int writers,
            Duration timeout,
            ObjectProvider<MeterRegistry> meters,
            java.util.function.Consumer<List<AlertWrite>> inside) {
        AlertProperties properties = new AlertProperties(
                Duration.ofMinutes(5),
                Duration.ofSeconds(15),
                64,
                4096,
                1000,
                DataSize.ofKilobytes(512),
                100,
                200,
                256,
                writers,
                0,
                timeout);
        AlertStore store = new AlertStore(null, null, null, null, properties, NO_METERS) {
            @Override
            public List<AlertWritten> applyAll(List<AlertWrite> writes, Instant now) {
                inside.accept(writes);
                return writes.stream()
                        .map(w -> new AlertWritten(AlertWritten.Outcome.UNCHANGED, null))
                        .toList();
            }
        };
        writer = new AlertWriter(
                store,
                new TransactionTemplate(new NoTransactions()),
                event -> {},
                Clock.systemUTC(),
                properties,
                meters);
        return writer;
    }

    @AfterEach
    void stop() {
        writer.destroy();
    }

    @Test
    void aRequestThatLostARaceIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AlertWriter writer = writer(
                () -> switch (failed.getAndIncrement()) {
                    case 0 -> new DuplicateKeyException("another node inserted it");
                    case 1 -> new PessimisticLockingFailureException("deadlock");
                    default -> null;
                },
                calls);
        assertThat(writer.write(List.of(FIRE))).hasSize(1);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRaceLostThreeTimesOrAnyOtherFailureIsAnError() {
        AtomicInteger calls = new AtomicInteger();
        AlertWriter racing = writer(() -> new DuplicateKeyException("again"), calls);
        assertThatThrownBy(() -> racing.write(List.of(FIRE))).isInstanceOf(DuplicateKeyException.class);
        assertThat(calls).hasValue(3);
        racing.destroy();

        AtomicInteger otherCalls = new AtomicInteger();
        AlertWriter broken = writer(() -> new DataIntegrityViolationException("value too long"), otherCalls);
        assertThatThrownBy(() -> broken.write(List.of(FIRE))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(otherCalls).hasValue(1);
    }

    @Test
    void twoWritersCommitTwoBatchesAtOnce() throws Exception {
        // Each batch waits until the other is inside too: one writer alone would never get there.
        java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.CountDownLatch firstInside = new java.util.concurrent.CountDownLatch(1);
        AlertWriter two = writer(2, () -> {
            firstInside.countDown();
            try {
                both.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other writer never came", e);
            }
        });
        try (var requests = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = requests.submit(() -> two.write(List.of(FIRE)));
            // Only then the second request, so that no writer takes both in one batch.
            assertThat(firstInside.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            var second = requests.submit(() -> two.write(List.of(FIRE)));
            assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
            assertThat(second.get(20, java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
        }
    }

    private static AlertWrite fire(String alertname) {
        return new AlertWrite(
                AlertWrite.Action.FIRE,
                Integer.toHexString(alertname.hashCode()),
                1,
                "prometheus",
                null,
                Map.of("alertname", alertname),
                Map.of(),
                Instant.EPOCH,
                null,
                null,
                null);
    }

    private static List<String> names(List<AlertWrite> writes) {
        return writes.stream().map(w -> w.labels().get("alertname")).toList();
    }

    @Test
    void anErrorFailsOnlyItsBatchAndTheWriterGoesOn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", registry);
        List<List<String>> committed = new CopyOnWriteArrayList<>();
        AlertWriter writer = writer(1, Duration.ofSeconds(30), beans.getBeanProvider(MeterRegistry.class), writes -> {
            if (names(writes).contains("Doomed")) {
                // Not a RuntimeException: before, this killed the writer thread for good.
                throw new StackOverflowError("deep in the store");
            }
            committed.add(names(writes));
        });

        assertThatThrownBy(() -> writer.write(List.of(fire("Doomed"))))
                .isInstanceOfSatisfying(
                        IntakeException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR));
        assertThat(writer.write(List.of(fire("After")))).hasSize(1);
        assertThat(writer.write(List.of(fire("AndAgain")))).hasSize(1);
        assertThat(committed).containsExactly(List.of("After"), List.of("AndAgain"));
        assertThat(registry.get("firebreak.alerts.writer.failures")
                        .tag("exception", "StackOverflowError")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRequestWaitsAtMostTheTimeoutAndAQueuedOneIsNeverWritten() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> committed = new CopyOnWriteArrayList<>();
        AlertWriter writer = writer(1, Duration.ofMillis(300), NO_METERS, writes -> {
            if (names(writes).contains("Held")) {
                inside.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            committed.add(names(writes));
        });
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<AlertWritten>> held = requests.submit(() -> writer.write(List.of(fire("Held"))));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            assertThatThrownBy(() -> writer.write(List.of(fire("Queued"))))
                    .isInstanceOfSatisfying(IntakeException.Unavailable.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.retryAfter()).isEqualTo(1L);
                        assertThat(e.getMessage()).contains("nothing was stored");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            // The held request was taken by the writer: it may commit, and its answer says so.
            assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(IntakeException.Unavailable.class)
                    .hasMessageContaining("may be stored");

            release.countDown();
            assertThat(writer.write(List.of(fire("Later")))).hasSize(1);
        }
        assertThat(committed).containsExactly(List.of("Held"), List.of("Later"));
    }

    /** Transactions that do nothing: the store here needs none. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
