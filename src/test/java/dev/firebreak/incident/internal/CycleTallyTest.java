package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.CycleStatistics;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The Java tally gives what the SQL aggregates gave: exact half-up means, interpolated medians, filters. */
class CycleTallyTest {
    private static final long WINDOW = 3600;

    @Test
    void meansAreExactAndRoundHalfUpMediansInterpolate() {
        CycleTally tally = new CycleTally(WINDOW);
        tally.add(fact(1, "10.5", "100", null, null));
        tally.add(fact(1, "11.0", "201", null, null));
        tally.add(fact(2, null, "300", null, null));
        tally.add(fact(3, "12.001", null, null, null));
        CycleStatistics s = tally.statistics();
        assertThat(s.cycles()).isEqualTo(4);
        assertThat(s.incidents()).isEqualTo(3);
        assertThat(s.acknowledged()).isEqualTo(3);
        assertThat(s.mttaSeconds()).isEqualTo(11); // 33.501 / 3 = 11.167
        assertThat(s.medianTtaSeconds()).isEqualTo(11);
        assertThat(s.resolved()).isEqualTo(3);
        assertThat(s.mttrSeconds()).isEqualTo(200); // 601 / 3 = 200.33
        assertThat(s.medianTtrSeconds()).isEqualTo(201);

        CycleTally even = new CycleTally(WINDOW);
        even.add(fact(1, "10", "1", null, null));
        even.add(fact(2, "11", "2", null, null));
        // 10.5 either way: the average rounds half up, the median of two interpolates to 10.5 and rounds up
        assertThat(even.statistics().mttaSeconds()).isEqualTo(11);
        assertThat(even.statistics().medianTtaSeconds()).isEqualTo(11);
        assertThat(even.statistics().mttrSeconds()).isEqualTo(2);
    }

    @Test
    void nothingToAverageIsNullNotZero() {
        CycleTally tally = new CycleTally(WINDOW);
        tally.add(fact(1, null, null, null, null));
        CycleStatistics s = tally.statistics();
        assertThat(s.mttaSeconds()).isNull();
        assertThat(s.medianTtaSeconds()).isNull();
        assertThat(s.mttrSeconds()).isNull();
        assertThat(s.mttdSeconds()).isNull();
        assertThat(s.detected()).isZero();
        assertThat(s.judged()).isZero();
        assertThat(s.repeats()).isZero();
    }

    @Test
    void targetsAreJudgedWhenAnsweredOrOverdueAndRepeatsCountOnce() {
        CycleTally tally = new CycleTally(WINDOW);
        // answered in 300 s against 300 s: judged and within (<=)
        tally.add(new CycleTally.Fact(1, dec("300"), null, dec("300"), dec("5"), dec("900"), 300L, null, null, null));
        // not answered, 400 s old against 300 s: judged, missed
        tally.add(new CycleTally.Fact(2, null, null, null, null, dec("400"), 300L, null, dec("3600"), dec("10")));
        // not answered and still inside its target: not judged yet
        tally.add(new CycleTally.Fact(3, null, null, null, null, dec("100"), 300L, null, dec("3601"), null));
        // resolution: resolved in 7200 s against 3600 s; judged, missed
        tally.add(new CycleTally.Fact(4, null, dec("7200"), dec("7200"), null, dec("9000"), null, 3600L, null, null));
        CycleStatistics s = tally.statistics();
        assertThat(s.judged()).isEqualTo(2);
        assertThat(s.withinTarget()).isEqualTo(1);
        assertThat(s.resolutionJudged()).isEqualTo(1);
        assertThat(s.withinResolution()).isZero();
        assertThat(s.detected()).isEqualTo(1);
        assertThat(s.mttdSeconds()).isEqualTo(5);
        assertThat(s.groupRepeats()).isEqualTo(1);
        assertThat(s.runbookRepeats()).isEqualTo(1);
        assertThat(s.repeats()).isEqualTo(1);
    }

    private static CycleTally.Fact fact(long incident, String tta, String ttr, Long target, Long resolution) {
        return new CycleTally.Fact(
                incident,
                dec(tta),
                dec(ttr),
                dec(tta != null ? tta : ttr),
                null,
                dec("0"),
                target,
                resolution,
                null,
                null);
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
