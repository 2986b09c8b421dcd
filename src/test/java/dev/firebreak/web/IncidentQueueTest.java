package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue orders mixed schemes on one scale and names each level as the schemes do. */
class IncidentQueueTest {
    private static final Instant T = Instant.parse("2026-12-03T03:00:00Z");

    @Test
    void mostSevereFirstAcrossSchemes() {
        var p1OfP0Scheme = incident(1, new Severity("P1", "High", null, null, 1), T.plusSeconds(30));
        var sev1 = incident(2, new Severity("SEV-1", "Critical", null, null, 0), T);
        var p0 = incident(3, new Severity("P0", "Critical", null, null, 0), T.plusSeconds(60));
        var sorted =
                IncidentQueue.arrange(List.of(p1OfP0Scheme, sev1, p0), null, null, null, IncidentQueue.Sort.SEVERITY);
        // Equal levels newest first; the P0 scheme's P1 is level 2 and comes after both level 1s.
        assertThat(sorted).extracting(Incident::id).containsExactly(3L, 2L, 1L);
    }

    @Test
    void levelsCarryEachSchemesNames() {
        var levels = IncidentQueue.levels(
                List.of(
                        incident(1, new Severity("P0", "Critical", null, null, 0), T),
                        incident(2, new Severity("SEV-1", "Critical", null, null, 0), T),
                        incident(3, new Severity("SEV-7", null, null, null, 6), T)),
                dev.firebreak.incident.internal.SeverityScheme.DEFAULT.levels());
        assertThat(levels).extracting(IncidentQueue.Level::level).containsExactly(1, 2, 3, 4, 7);
        assertThat(levels.getFirst()).isEqualTo(new IncidentQueue.Level(1, "P0 Critical, SEV-1 Critical"));
        assertThat(levels.get(1).names()).isEqualTo("P2 High");
        assertThat(levels.getLast()).isEqualTo(new IncidentQueue.Level(7, "SEV-7"));
    }

    private static Incident incident(long id, Severity severity, Instant opened) {
        return new Incident(
                id,
                "g" + id,
                "t" + id,
                IncidentState.TRIGGERED,
                null,
                null,
                null,
                severity,
                null,
                null,
                null,
                null,
                opened,
                null,
                null,
                null,
                null,
                0,
                opened);
    }
}
