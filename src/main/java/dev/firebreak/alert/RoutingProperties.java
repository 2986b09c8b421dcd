package dev.firebreak.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing and grouping settings ({@code firebreak.alerts.*}).
 *
 * @param routingFile a routing YAML file (kept in git) loaded at start; when its content differs
 *     from the active configuration it becomes a new version. Empty: manage routing in the UI/API
 * @param flushCheck how often a node looks for alert groups due to notify (default 1 s)
 * @param flushLease how long the node that flushes groups holds the flush lease before another
 *     node may take over (default 15 s)
 * @param flushAtOnce flush a group that became due at once (a PagerDuty trigger, a group whose
 *     last alert resolved) right after the commit that made it due, rather than at the next
 *     flush-check (default true)
 * @param flushBatch due groups flushed in one transaction and handed to incidents as one {@link
 *     AlertGroupsFiring} (default 100); a batch that fails is flushed again group by group
 */
@ConfigurationProperties("firebreak.alerts")
public record RoutingProperties(
        String routingFile,
        @DefaultValue("1s") Duration flushCheck,
        @DefaultValue("15s") Duration flushLease,
        @DefaultValue("true") boolean flushAtOnce,
        @DefaultValue("100") int flushBatch) {}
