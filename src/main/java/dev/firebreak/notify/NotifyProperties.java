package dev.firebreak.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of pages and updates ({@code firebreak.notify.*}).
 *
 * @param baseUrl the server's address as people reach it, for links in messages (default
 *     http://localhost:8080)
 * @param threads sends a node runs at once, over all channels (default 64, virtual threads)
 * @param pollingInterval how often a node looks for messages due later, such as retries (default
 *     500 ms); a message due now is picked up at once after its commit
 * @param timeout how long one send may take before it counts as a temporary failure (default 10 s)
 * @param timeouts per channel type, overriding {@code timeout} (e.g. {@code email: 30s})
 * @param concurrency sends at once per channel type on a node (default 16): a channel that hangs
 *     holds at most this many, never the others'
 * @param retryInitial the first retry's delay (default 5 s), doubled each time with jitter
 * @param retryMax the longest delay between retries (default 10 min); a {@code Retry-After} longer
 *     than this is still honoured
 * @param giveUpAfter a message still failing this long after it was due fails for good (default 1 h)
 * @param throttle at most one message per contact method in this window (default 1 min, GoAlert's
 *     baseline); pages that come due within it are bundled into the next one. 0 turns it off
 * @param dailyCap messages per person per 24 hours (default 200); past it a page fails with the
 *     reason, and escalation moves on
 * @param allowedNetworks addresses a webhook may resolve to although private or loopback, as CIDR
 *     blocks (default none: such URLs are refused); tests allow 127.0.0.0/8
 * @param linkLifetime how long acknowledge and resolve links in a page work (default 24 h)
 * @param updateCadence how often the incident commander is reminded that an update is due while
 *     an incident is open, when its runbook does not say ("Updates every 15 minutes"); default
 *     30 min, 0 turns reminders off
 * @param dbConcurrency ledger transactions the notify lane runs at once on a node (default 4): sends
 *     wait for these rather than for the connection pool that intake and escalation share, so keep
 *     it well under {@code spring.datasource.hikari.maximum-pool-size} (10)
 */
@ConfigurationProperties("firebreak.notify")
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("64") int threads,
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("10s") Duration timeout,
        Map<String, Duration> timeouts,
        @DefaultValue("16") int concurrency,
        @DefaultValue("5s") Duration retryInitial,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("1h") Duration giveUpAfter,
        @DefaultValue("1m") Duration throttle,
        @DefaultValue("200") int dailyCap,
        List<String> allowedNetworks,
        @DefaultValue("24h") Duration linkLifetime,
        @DefaultValue("30m") Duration updateCadence,
        @DefaultValue("4") int dbConcurrency) {

    public NotifyProperties {
        timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }

    /** An absolute link into the server for messages: {@code url("/incidents/42")}. */
    public String url(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }

    /** The send timeout for one channel type. */
    public Duration timeoutFor(ChannelType type) {
        return timeouts.getOrDefault(type.id(), timeout);
    }
}
