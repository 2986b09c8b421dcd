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
 */
@ConfigurationProperties("firebreak.security")
public record SecurityProperties(
        String adminPassword, @DefaultValue("1MB") DataSize maxBodySize, Duration tokenTtl) {}
