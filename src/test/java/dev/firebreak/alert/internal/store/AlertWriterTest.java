package dev.firebreak.alert.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.alert.AlertProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
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
                0);
        AlertStore store = new AlertStore(null, null, null, null, properties, NO_METERS) {
            @Override
            public List<AlertWritten> applyAll(List<AlertWrite> writes, Instant now) {
                inside.run();
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
                NO_METERS);
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
