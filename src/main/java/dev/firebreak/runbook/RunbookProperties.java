package dev.firebreak.runbook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Runbook library settings ({@code firebreak.runbooks.*}).
 *
 * @param defaultReviewPeriod review period of a runbook without a review schedule (default 180 days)
 * @param searchRefresh how often a node checks the database for runbooks changed by other nodes
 *     and refreshes its in-memory search index (default 10 s)
 * @param gitPollCheck how often the node looks for git sources whose poll interval has passed
 *     (default 30 s); each source's own interval decides when it syncs
 * @param gitDefaultPoll poll interval of a git source added without one (default 5 minutes)
 * @param gitLease how long a node may hold a git source while syncing it before another node may
 *     take over (default 10 minutes)
 */
@ConfigurationProperties("firebreak.runbooks")
public record RunbookProperties(
        @DefaultValue("180d") Duration defaultReviewPeriod,
        @DefaultValue("10s") Duration searchRefresh,
        @DefaultValue("30s") Duration gitPollCheck,
        @DefaultValue("5m") Duration gitDefaultPoll,
        @DefaultValue("10m") Duration gitLease) {}
