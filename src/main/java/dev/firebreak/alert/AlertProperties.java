package dev.firebreak.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Alert intake settings ({@code firebreak.alerts.*}).
 *
 * @param resolveTimeout a Prometheus alert without endsAt resolves when not refreshed for this long
 *     (default 5 minutes, Alertmanager's resolve_timeout)
 * @param sweepInterval how often a node resolves alerts whose endsAt or timeout passed (default 15 s)
 * @param maxLabels most labels one alert may carry (default 64)
 * @param maxLabelValueLength longest label or annotation value in characters (default 4096)
 * @param maxAlertsPerRequest most alerts in one request (default 1000)
 * @param pagerDutyMaxBody largest PagerDuty Events v2 body (default 512 KB, as PagerDuty)
 * @param defaultRatePerSecond requests per second an integration may send unless set (default 100)
 * @param defaultBurst requests an integration may send at once unless set (default 200)
 * @param maxBatch most requests one group commit writes (default 256)
 * @param writers group-commit threads per node: while one waits for its commit to reach the disk,
 *     another writes the next batch (default 1; 2 helped PostgreSQL with ten alerts per request)
 * @param knownAlerts firing alerts each node remembers so that their refreshes skip reads and
 *     unchanged writes (default 50000, about 10 MB; 0 turns this off)
 * @param writerTimeout longest a request waits for the alert writer before it is answered 503 with
 *     Retry-After (default 10 s)
 */
@ConfigurationProperties("firebreak.alerts")
public record AlertProperties(
        @DefaultValue("5m") Duration resolveTimeout,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("64") int maxLabels,
        @DefaultValue("4096") int maxLabelValueLength,
        @DefaultValue("1000") int maxAlertsPerRequest,
        @DefaultValue("512KB") DataSize pagerDutyMaxBody,
        @DefaultValue("100") int defaultRatePerSecond,
        @DefaultValue("200") int defaultBurst,
        @DefaultValue("256") int maxBatch,
        @DefaultValue("1") int writers,
        @DefaultValue("50000") int knownAlerts,
        @DefaultValue("10s") Duration writerTimeout) {}
