package dev.firebreak.runbook.internal.library;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** When a runbook is due for review: its last-updated date plus the period its schedule names. */
public final class ReviewSchedule {
    private ReviewSchedule() {}

    /**
     * @param lastUpdated the runbook's own ISO date, or null to use {@code storedAt}
     * @param schedule free text such as "Monthly" or "Quarterly review"; unknown means the default
     */
    public static LocalDate due(String lastUpdated, String schedule, Instant storedAt, Duration defaultPeriod) {
        LocalDate base = parse(lastUpdated);
        if (base == null) {
            base = LocalDate.ofInstant(storedAt, ZoneOffset.UTC);
        }
        String s = schedule == null ? "" : schedule.toLowerCase(Locale.ROOT);
        if (s.contains("daily")) {
            return base.plusDays(1);
        } else if (s.contains("bi-weekly") || s.contains("biweekly") || s.contains("fortnight")) {
            return base.plusWeeks(2);
        } else if (s.contains("weekly")) {
            return base.plusWeeks(1);
        } else if (s.contains("monthly")) {
            return base.plusMonths(1);
        } else if (s.contains("quarter")) {
            return base.plusMonths(3);
        } else if (s.contains("semi-annual") || s.contains("half-year") || s.contains("biannual")) {
            return base.plusMonths(6);
        } else if (s.contains("year") || s.contains("annual")) {
            return base.plusYears(1);
        }
        return base.plusDays(defaultPeriod.toDays());
    }

    private static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
