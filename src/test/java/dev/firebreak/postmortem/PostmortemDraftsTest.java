package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertStatus;
import dev.firebreak.incident.IncidentCycle;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.runbook.RiskClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemDraftsTest {
    static final Instant T = Instant.parse("2026-12-03T03:00:00Z");

    static TimelineEntry entry(int minute, String actor, String text, TimelineDetail detail) {
        return new TimelineEntry(minute, T.plusSeconds(60L * minute), actor, TimelineKind.of(detail), text, detail);
    }

    @Test
    void theTimelineFoldsRepeatsAndKeepsTriageAndRuns() {
        var firing = new TimelineDetail.AlertSeen(1L, "f", "QueueStuck", AlertStatus.FIRING);
        String md = PostmortemDrafts.timeline(List.of(
                entry(0, "firebreak", "alert QueueStuck firing", firing),
                entry(1, "firebreak", "alert QueueStuck firing", firing),
                entry(2, "firebreak", "alert QueueStuck firing", firing),
                entry(
                        3,
                        "alice",
                        "triage: Red CI status? yes -> Schema Issues",
                        new TimelineDetail.TriageWalked("seed", List.of("Red CI status? yes"), "schema-issues")),
                entry(
                        5,
                        "alice",
                        "ran diagnosis.1 (read-only): exit 0",
                        new TimelineDetail.CommandRan(
                                7,
                                "diagnosis.1",
                                RiskClass.READ_ONLY,
                                TimelineDetail.CommandRan.Outcome.SUCCEEDED,
                                0,
                                120L,
                                0,
                                "ok")),
                entry(6, "bob", "a | b", new TimelineDetail.Note())));
        assertThat(md)
                .contains(
                        "| 2026-12-03 03:00:00 | firebreak | alert QueueStuck firing (×3, last 2026-12-03 03:02:00) |")
                .contains("triage: Red CI status? yes -> Schema Issues")
                .contains("ran diagnosis.1")
                .contains("| bob | a \\| b |");
        assertThat(md.lines().filter(l -> l.contains("QueueStuck"))).hasSize(1);
    }

    @Test
    void durationSumsCyclesAndSkipsTheGapBetweenThem() {
        var cycles = List.of(
                new IncidentCycle(1, T, null, null, T.plus(Duration.ofMinutes(20)), "a"),
                new IncidentCycle(
                        2,
                        T.plus(Duration.ofHours(5)),
                        null,
                        null,
                        T.plus(Duration.ofHours(5).plusMinutes(45)),
                        "a"));
        assertThat(PostmortemDrafts.duration(PostmortemDrafts.active(cycles))).isEqualTo("1 h 5 min");
        assertThat(PostmortemDrafts.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    }

    @Test
    void presetsAreTheSeedsHorizons() {
        assertThat(DuePreset.of("24h")).contains(DuePreset.DAY);
        assertThat(DuePreset.of(" 1W ")).contains(DuePreset.WEEK);
        assertThat(DuePreset.of("month")).contains(DuePreset.MONTH);
        assertThat(DuePreset.of("2y")).isEmpty();
        assertThat(DuePreset.MONTH.after()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void reviewGoesBothWaysAndPublishedGoesBackToReviewOnly() {
        assertThat(PostmortemState.DRAFT.canMoveTo(PostmortemState.PUBLISHED)).isFalse();
        assertThat(PostmortemState.IN_REVIEW.canMoveTo(PostmortemState.DRAFT)).isTrue();
        assertThat(PostmortemState.PUBLISHED.canMoveTo(PostmortemState.DRAFT)).isFalse();
        assertThat(PostmortemState.PUBLISHED.canMoveTo(PostmortemState.IN_REVIEW))
                .isTrue();
    }
}
