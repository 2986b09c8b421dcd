package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.statuspage.PageView.ComponentView;
import dev.firebreak.statuspage.PageView.UptimeDay;
import dev.firebreak.statuspage.PublicIncident.Affected;
import dev.firebreak.statuspage.PublicIncident.Kind;
import dev.firebreak.statuspage.internal.UptimeBars;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indicator, the components' state and the uptime bars, worked out from public incidents alone. */
class PageViewTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final StatusPage PAGE = new StatusPage(1, "abc", "acme", "Acme", null, "Etc/UTC", NOW, NOW);
    static final StatusComponent API = new StatusComponent(1, "c1", 1, "API", null, null, null, 1, NOW, NOW);

    static PublicIncident incident(Impact impact, ComponentStatus status, Instant start, Instant resolved) {
        return new PublicIncident(
                1,
                "i1",
                1,
                Kind.INCIDENT,
                null,
                "x",
                resolved == null ? IncidentStatus.INVESTIGATING : IncidentStatus.RESOLVED,
                impact,
                null,
                null,
                start,
                null,
                resolved,
                start,
                start,
                List.of(new Affected(1, status)),
                List.of());
    }

    static PageView view(List<PublicIncident> incidents) {
        ComponentStatus status = StatusPages.current(1, incidents, NOW);
        return new PageView(
                PAGE,
                NOW,
                List.of(new ComponentView(API, status, UptimeBars.of(1, incidents, ZoneId.of("UTC"), NOW, 90))),
                incidents);
    }

    @Test
    void indicatorIsTheWorstOfUnresolvedImpactsAndComponents() {
        assertThat(view(List.of()).indicator()).isEqualTo("none");
        assertThat(view(List.of(incident(Impact.MINOR, ComponentStatus.DEGRADED_PERFORMANCE, NOW, null)))
                        .indicator())
                .isEqualTo("minor");
        assertThat(view(List.of(incident(Impact.MINOR, ComponentStatus.MAJOR_OUTAGE, NOW, null)))
                        .indicator())
                .isEqualTo("critical");
        assertThat(view(List.of(incident(Impact.CRITICAL, ComponentStatus.MAJOR_OUTAGE, NOW.minusSeconds(60), NOW)))
                        .indicator())
                .isEqualTo("none");
    }

    @Test
    void uptimeCountsOutageDurationsPerDay() {
        Instant start = NOW.minus(Duration.ofDays(1)).minus(Duration.ofHours(6));
        PageView view = view(List.of(
                incident(Impact.CRITICAL, ComponentStatus.MAJOR_OUTAGE, start, start.plus(Duration.ofHours(3)))));
        List<UptimeDay> days = view.components().getFirst().days();
        assertThat(days).hasSize(90);
        UptimeDay yesterday = days.get(88);
        assertThat(yesterday.worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(yesterday.downSeconds()).isEqualTo(3 * 3600);
        assertThat(days.getLast().worst()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(view.components().getFirst().uptimePercent()).isBetween(99.8, 99.9);
        assertThat(view.components().getFirst().status()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void maintenanceFollowsItsWindow() {
        PublicIncident maintenance = new PublicIncident(
                2,
                "m1",
                1,
                Kind.MAINTENANCE,
                null,
                "db",
                IncidentStatus.SCHEDULED,
                Impact.MAINTENANCE,
                NOW.plusSeconds(60),
                NOW.plusSeconds(120),
                NOW.plusSeconds(60),
                null,
                null,
                NOW,
                NOW,
                List.of(new Affected(1, ComponentStatus.UNDER_MAINTENANCE)),
                List.of());
        assertThat(maintenance.statusAt(NOW)).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(maintenance.statusAt(NOW.plusSeconds(61))).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(maintenance.statusAt(NOW.plusSeconds(120))).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(StatusPages.current(1, List.of(maintenance), NOW.plusSeconds(90)))
                .isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
    }
}
