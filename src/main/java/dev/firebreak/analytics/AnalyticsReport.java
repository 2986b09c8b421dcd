package dev.firebreak.analytics;

import dev.firebreak.alert.NoisyAlert;
import dev.firebreak.incident.CycleBucket;
import dev.firebreak.incident.SlowCycle;
import dev.firebreak.notify.PageLoad;
import java.time.Instant;
import java.util.List;

/**
 * Everything the analytics page, API, CSV export and CLI report show, for one filter.
 *
 * @param bucketSeconds the width of each trend bucket (an hour for ranges up to two days, else a day)
 * @param pagesOutOfHours pages placed outside business hours, everyone together
 * @param businessHours the business hours as configured, e.g. {@code Mon-Fri 09:00-18:00 UTC}
 */
public record AnalyticsReport(
        AnalyticsFilter filter,
        Instant generatedAt,
        AnalyticsNumbers summary,
        List<AnalyticsRow> services,
        List<AnalyticsRow> severities,
        List<AnalyticsRow> teams,
        List<AnalyticsRow> runbooks,
        long bucketSeconds,
        List<CycleBucket> trend,
        List<SlowCycle> slowest,
        long pages,
        long pagesOutOfHours,
        String businessHours,
        List<PageLoad> pagesPerPerson,
        List<NoisyAlert> noisiestAlerts) {}
