package dev.firebreak.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings ({@code firebreak.security.*}).
 *
 * @param adminPassword password of the {@code admin} account created on first start with no users;
 *     empty means generate one and print it once to the log
 * @param maxBodySize largest request body accepted anywhere (default 1 MiB); larger gets 413
 * @param tokenTtl default lifetime of new API tokens; empty means they do not expire
 * @param login throttling of failed logins ({@code firebreak.security.login.*})
 * @param connections limits that keep the server answering on an open network
 *     ({@code firebreak.security.connections.*})
 */
@ConfigurationProperties("firebreak.security")
public record SecurityProperties(
        String adminPassword,
        @DefaultValue("1MB") DataSize maxBodySize,
        Duration tokenTtl,
        @DefaultValue Login login,
        @DefaultValue Connections connections) {

    /**
     * @param perClient open connections one client address may hold; further ones are closed at
     *     accept (default 500; 0 turns the cap off). A reverse proxy is one client: raise it there.
     * @param intakePort a second port that serves only alert intake and health, with its own
     *     connection pool, so a flood of the UI's port leaves alerts flowing (unset: none; 0: any
     *     free port, for tests)
     */
    public record Connections(@DefaultValue("500") int perClient, Integer intakePort) {}

    /**
     * @param freeAttempts failed logins to one account from one address within a window before
     *     each further one makes that pair wait (default 5)
     * @param freeAttemptsPerAccount the same for an account from all addresses together, higher so
     *     that a stranger cannot lock its owner out as cheaply (default 50)
     * @param freeAttemptsPerAddress the same per client address, which may try many accounts
     *     (default 20)
     * @param backoff the first wait; each further failure doubles it (default 1 s)
     * @param maxBackoff the longest wait (default 15 min)
     * @param window failures are forgiven this long after the last one, or after the wait it
     *     brought ended (default 15 min)
     */
    public record Login(
            @DefaultValue("5") int freeAttempts,
            @DefaultValue("50") int freeAttemptsPerAccount,
            @DefaultValue("20") int freeAttemptsPerAddress,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("15m") Duration maxBackoff,
            @DefaultValue("15m") Duration window) {}
}
