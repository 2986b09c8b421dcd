package dev.firebreak.runbook.internal.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {
    private static final Instant STORED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DEFAULT = Duration.ofDays(180);

    @Test
    void addsTheScheduleToTheRunbooksOwnDate() {
        assertThat(due("2026-01-31", "Monthly")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(due("2026-01-01", "Quarterly review")).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(due("2026-01-01", "weekly")).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(due("2026-01-01", "Bi-weekly")).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(due("2026-01-01", "Daily")).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(due("2026-01-01", "Annually")).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(due("2026-01-01", "yearly")).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void defaultsTo180DaysAndToTheStoreDate() {
        assertThat(due("2026-01-01", null)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(due("2026-01-01", "when needed")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(due(null, "Monthly")).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(due("2026-02-30", null)).isEqualTo(LocalDate.of(2027, 5, 22));
    }

    private static LocalDate due(String lastUpdated, String schedule) {
        return ReviewSchedule.due(lastUpdated, schedule, STORED, DEFAULT);
    }
}
