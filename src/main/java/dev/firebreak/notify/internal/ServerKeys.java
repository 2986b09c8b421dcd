package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys the server makes itself, once, one row per purpose in {@code notify_server_keys} (V17), so
 * that every node signs and checks alike: {@code personal-webhooks} derives people's webhook
 * secrets, {@code action-links} signs acknowledge / resolve links. Read once per node and kept in
 * memory; a key is never replaced.
 */
@Component
public class ServerKeys {
    /** The key that derives the Standard Webhooks secret of each person's webhook contact method. */
    public static final String PERSONAL_WEBHOOKS = "personal-webhooks";
    /** The key that signs acknowledge and resolve links in pages. */
    public static final String ACTION_LINKS = "action-links";

    // Rows V17's code wrote carry Standard Webhooks' prefix; the key is the base64 after it.
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    ServerKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // A caller's rollback must not take away a key already used to sign, and a losing insert
        // must not abort the caller's transaction (PostgreSQL would).
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The 256-bit key of this name, made on first use. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private byte[] load(String name) {
        String secret = stored(name).orElseGet(() -> create(name));
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }

    private Optional<String> stored(String name) {
        return jdbc.sql("select secret from notify_server_keys where name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    private String create(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try {
            ownTransaction.executeWithoutResult(
                    status -> jdbc.sql("insert into notify_server_keys (name, secret, created_at) values (?, ?, ?)")
                            .params(name, PREFIX + Base64.getEncoder().encodeToString(fresh), utc(clock.instant()))
                            .update());
        } catch (DuplicateKeyException raced) {
            // Another node made it first: use theirs.
        }
        return stored(name).orElseThrow();
    }
}
