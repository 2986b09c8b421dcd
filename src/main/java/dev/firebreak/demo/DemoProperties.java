package dev.firebreak.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode settings ({@code firebreak.demo.*}).
 *
 * @param enabled set by {@code --demo}: import the seed runbooks, create alice and bob, send alerts
 * @param interval how often a sample alert batch is sent (default 5 s)
 */
@ConfigurationProperties("firebreak.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5s") Duration interval) {}
