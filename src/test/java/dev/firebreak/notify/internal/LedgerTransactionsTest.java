package dev.firebreak.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.notify.NotifyProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/** Session 7's resends: the outcome of a send could not be recorded on an exhausted pool. */
class LedgerTransactionsTest {
    private final AtomicInteger refusals = new AtomicInteger();

    @Test
    void anOutcomeIsRecordedAfterThePoolRefusedConnections_notLeftSending() {
        refusals.set(3);
        var ledger = ledger(4, Duration.ofMinutes(1));
        String recorded = ledger.record(status -> "recorded");
        assertThat(recorded).isEqualTo("recorded");
        assertThat(refusals.get()).isZero();
    }

    @Test
    void aClaimFailsAtOnce_nothingWasSentYet() {
        refusals.set(1);
        var ledger = ledger(4, Duration.ofMinutes(1));
        assertThatThrownBy(() -> ledger.run(status -> "claimed")).isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void aDatabaseGoneForLongerThanGiveUpAfterEndsTheRetries() {
        refusals.set(Integer.MAX_VALUE);
        var ledger = ledger(4, Duration.ofMillis(300));
        assertThatThrownBy(() -> ledger.record(status -> "recorded"))
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void atMostDbConcurrencyTransactionsRunAtOnce() throws Exception {
        var ledger = ledger(2, Duration.ofMinutes(1));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(threads.submit(() -> ledger.run(status -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(20);
                    return inside.decrementAndGet();
                })));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        assertThat(most.get()).isEqualTo(2);
    }

    private LedgerTransactions ledger(int dbConcurrency, Duration giveUpAfter) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        var refusing = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (refusals.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                    throw new SQLTransientConnectionException("pool - Connection is not available");
                }
                return super.getConnection();
            }
        };
        var properties = new NotifyProperties(
                "http://localhost:8080",
                64,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                null,
                16,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                giveUpAfter,
                Duration.ofMinutes(1),
                200,
                null,
                Duration.ofHours(24),
                Duration.ofMinutes(30),
                dbConcurrency);
        return new LedgerTransactions(properties, new TransactionTemplate(new DataSourceTransactionManager(refusing)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
