package dev.firebreak.analytics.internal;

import dev.firebreak.notify.BusinessHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings ({@code firebreak.analytics.*}).
 *
 * @param businessHours pages placed outside these local times count as out of hours (default 09:00-18:00)
 * @param businessDays the days business hours apply on; every other day is out of hours (default MONDAY..FRIDAY)
 * @param zone the zone business hours are in (default UTC)
 * @param repeatWindow a cycle repeats when its group or runbook opened a cycle this long before (default 30 days)
 * @param defaultRange the range of a report that names none (default 30 days)
 * @param maxRange the longest range a report may cover (default 400 days)
 * @param listLimit rows of the noisiest alerts and the slowest cycles (default 10)
 */
@ConfigurationProperties("firebreak.analytics")
public record AnalyticsProperties(
        @DefaultValue("09:00-18:00") String businessHours,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        List<DayOfWeek> businessDays,

        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("30d") Duration repeatWindow,
        @DefaultValue("30d") Duration defaultRange,
        @DefaultValue("400d") Duration maxRange,
        @DefaultValue("10") int listLimit) {

    public AnalyticsProperties {
        if (!businessHours.matches(" *[0-2][0-9]:[0-5][0-9] *- *[0-2][0-9]:[0-5][0-9] *")
                || !LocalTime.parse(businessHours.split("-")[0].strip())
                        .isBefore(LocalTime.parse(businessHours.split("-")[1].strip()))) {
            throw new IllegalArgumentException(
                    "firebreak.analytics.business-hours must be HH:MM-HH:MM with the start first, e.g. 09:00-18:00");
        }
        if (listLimit < 1 || listLimit > 100) {
            throw new IllegalArgumentException("firebreak.analytics.list-limit must be between 1 and 100");
        }
    }

    /** Business hours as the notify feature counts pages by them. */
    public BusinessHours hours() {
        return new BusinessHours(zone, opens(), closes(), Set.copyOf(businessDays));
    }

    /** What a report says applied, e.g. {@code Mon,Tue,Wed,Thu,Fri 09:00-18:00 UTC}. */
    public String describe() {
        List<String> days = businessDays.stream()
                .sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .toList();
        return String.join(",", days) + " " + opens() + "-" + closes() + " " + zone.getId();
    }

    /** The start of business hours. */
    public LocalTime opens() {
        return LocalTime.parse(businessHours.split("-", 2)[0].strip());
    }

    /** The end of business hours (exclusive). */
    public LocalTime closes() {
        return LocalTime.parse(businessHours.split("-", 2)[1].strip());
    }
}
