package dev.firebreak.platform.security;

import dev.firebreak.platform.storage.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login attempts per account and address, per account and per address, in the database so every
 * node sees them. An attempt is counted before its password is checked, under the row's lock, so
 * parallel guesses cannot all slip in before the first failure is recorded; a success clears its
 * account's counts. Past the free attempts each further
 * one doubles the wait before the next (up to the maximum).
 */
@Service
public class LoginThrottle {
    /** What a client address may look like once Tomcat has applied a trusted proxy's header. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.%]{2,45}");

    private final JdbcClient jdbc;
    private final SecurityProperties.Login settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AtomicInteger attempts = new AtomicInteger();

    LoginThrottle(
            JdbcClient jdbc, SecurityProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settings = properties.login();
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    private record Key(String value, int free) {}

    private List<Key> keys(String username, String address) {
        String user = user(username);
        String from = address(address);
        return List.of(
                new Key("pair:" + from + "|" + user, settings.freeAttempts()),
                new Key("user:" + user, settings.freeAttemptsPerAccount()),
                new Key("addr:" + from, settings.freeAttemptsPerAddress()));
    }

    /**
     * Counts an attempt that is about to check a password, or refuses it: the wait left when the
     * account, the address or the pair must still wait (nothing is counted then).
     */
    public Optional<Duration> attempt(String username, String address) {
        Optional<Duration> wait = blocked(username, address);
        if (wait.isPresent()) {
            return wait;
        }
        if (attempts.incrementAndGet() % 256 == 0) {
            forgetOld();
        }
        for (Key key : keys(username, address)) {
            Duration left = charge(key);
            if (!left.isZero()) {
                // Another attempt set the wait first; the keys before this one have counted it.
                return Optional.of(left);
            }
        }
        return Optional.empty();
    }

    /** How long the account, the address or the pair must still wait, or empty when it may try now. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Key key : keys(username, address)) {
            Instant until = jdbc.sql("select blocked_until from login_throttle where throttle_key = ?")
                    .param(key.value())
                    .query((rs, n) -> Timestamps.instant(rs, "blocked_until"))
                    .optional()
                    .orElse(null);
            if (until != null
                    && until.isAfter(now)
                    && Duration.between(now, until).compareTo(wait) > 0) {
                wait = Duration.between(now, until);
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * The attempt was right: its account starts afresh, and the address gets back what this attempt
     * was charged (only that: a login of one's own between guesses at others leaves the guesses
     * counted), so people behind one address who log in do not lock it; a wait this attempt set ends.
     */
    public void succeeded(String username, String address) {
        List<Key> keys = keys(username, address);
        Key from = keys.get(2);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from login_throttle where throttle_key in (?, ?)")
                    .params(keys.get(0).value(), keys.get(1).value())
                    .update();
            jdbc.sql("update login_throttle set failures = failures - 1,"
                            + " blocked_until = case when failures - 1 <= ? then null else blocked_until end"
                            + " where throttle_key = ? and failures > 0")
                    .params(from.free(), from.value())
                    .update();
        });
    }

    /** Counts one attempt against the key; zero, or the wait a concurrent attempt already set. */
    private Duration charge(Key key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> chargeLocked(key));
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                // Another login inserted the row first (PostgreSQL: a duplicate once it committed;
                // H2: a concurrent update while it has not): count again, on the row it made.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Duration chargeLocked(Key key) {
        Instant now = clock.instant();
        record Row(int failures, Instant last, Instant blockedUntil) {}
        Optional<Row> row = jdbc.sql("select failures, last_failure_at, blocked_until from login_throttle"
                        + " where throttle_key = ? for update")
                .param(key.value())
                .query((rs, n) -> new Row(
                        rs.getInt("failures"),
                        Timestamps.instant(rs, "last_failure_at"),
                        Timestamps.instant(rs, "blocked_until")))
                .optional();
        if (row.isEmpty()) {
            jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)")
                    .params(key.value(), Timestamps.utc(now))
                    .update();
            return Duration.ZERO;
        }
        Row r = row.get();
        if (r.blockedUntil() != null && r.blockedUntil().isAfter(now)) {
            return Duration.between(now, r.blockedUntil());
        }
        // Forgiven only a window after the last failure and after the wait it brought.
        Instant quietSince =
                r.blockedUntil() != null && r.blockedUntil().isAfter(r.last()) ? r.blockedUntil() : r.last();
        int failures = quietSince.isBefore(now.minus(settings.window())) ? 1 : r.failures() + 1;
        Instant until = failures > key.free() ? now.plus(backoff(failures - key.free())) : null;
        jdbc.sql(
                        "update login_throttle set failures = ?, last_failure_at = ?, blocked_until = ? where throttle_key = ?")
                .params(failures, Timestamps.utc(now), until == null ? null : Timestamps.utc(until), key.value())
                .update();
        return Duration.ZERO;
    }

    /** Rows nobody has failed on for a window after their wait: forgotten, so the table stays small. */
    private void forgetOld() {
        Instant old = clock.instant().minus(settings.window());
        jdbc.sql(
                        "delete from login_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
                .params(Timestamps.utc(old), Timestamps.utc(old))
                .update();
    }

    /** The base doubled for each attempt past the free ones, at most the maximum. */
    Duration backoff(int over) {
        Duration wait = settings.backoff();
        for (int i = 1; i < over && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** As Spring Security's login filter reads the name (trim, case kept), so no variant counts apart. */
    private static String user(String username) {
        String name = username == null ? "" : username.trim();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String address(String address) {
        return address != null && ADDRESS.matcher(address).matches() ? address : "unknown";
    }
}
