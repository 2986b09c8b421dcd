package dev.firebreak.notify.internal.channel;

import static dev.firebreak.platform.storage.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing secrets of people's webhook contact methods, which on-call stores without one: HMAC of a
 * per-server key (made on first use, table {@code notify_server_keys}) over the owner and the URL.
 * Each method gets its own secret, a changed URL a new one, and nothing new is stored per method.
 */
@Component
public class PersonalWebhookSecrets {
    static final String KEY_NAME = "personal-webhooks";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile byte[] serverKey;

    PersonalWebhookSecrets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The {@code whsec_} secret that signs deliveries to this person's webhook URL. */
    public String secretFor(String username, String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey(), "HmacSHA256"));
            byte[] derived =
                    mac.doFinal(("contact-webhook\n" + username + "\n" + url).getBytes(StandardCharsets.UTF_8));
            return StandardWebhooks.PREFIX + Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] serverKey() {
        byte[] key = serverKey;
        if (key == null) {
            String secret = stored().orElseGet(this::create);
            key = StandardWebhooks.key(secret);
            serverKey = key;
        }
        return key;
    }

    private Optional<String> stored() {
        return jdbc.sql("select secret from notify_server_keys where name = ?")
                .param(KEY_NAME)
                .query(String.class)
                .optional();
    }

    /** In its own transaction: a caller's rollback must not take away a key already used to sign. */
    private String create() {
        try {
            ownTransaction.executeWithoutResult(
                    status -> jdbc.sql("insert into notify_server_keys (name, secret, created_at) values (?, ?, ?)")
                            .params(KEY_NAME, StandardWebhooks.newSecret(), utc(clock.instant()))
                            .update());
        } catch (DuplicateKeyException raced) {
            // another node made it first: use theirs
        }
        return stored().orElseThrow();
    }
}
