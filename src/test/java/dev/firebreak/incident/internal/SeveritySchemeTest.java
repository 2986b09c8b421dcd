package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.RunbookModel.Duration;
import dev.firebreak.runbook.RunbookModel.SeverityLevel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Senders' severities mapped onto the built-in scheme and onto seed-like runbook schemes. */
class SeveritySchemeTest {
    // As the parser reads the seed "Incident Response Runbook": P0..P3.
    static final SeverityScheme P0_P3 = SeverityScheme.of(List.of(
            level("P0", "Critical", "15 minutes", 900L),
            level("P1", "High", "1 hour", 3600L),
            level("P2", "Medium", "4 hours", 14400L),
            level("P3", "Low", "Next business day", 86400L)));
    // As the parser reads the seed "Operational Runbooks": SEV-1..SEV-4.
    static final SeverityScheme SEV = SeverityScheme.of(List.of(
            level("SEV-1", "Critical", "Immediate (5 minutes)", 0L),
            level("SEV-2", "High", "15 minutes", 900L),
            level("SEV-3", "Medium", "1 hour", 3600L),
            level("SEV-4", "Low", "4 hours", 14400L)));

    @org.junit.jupiter.api.Test
    void everySchemeRanksItsLevelsOnOneScaleByTheirPlace() {
        // P0 of P0-P3, SEV-1 and the built-in P1 are the same level; P1 of P0-P3 is the next one.
        assertThat(P0_P3.map("P0").rank()).isZero();
        assertThat(SEV.map("SEV-1").rank()).isZero();
        assertThat(SeverityScheme.DEFAULT.map("P1").rank()).isZero();
        assertThat(P0_P3.map("P1").rank()).isEqualTo(1);
        assertThat(P0_P3.map("P1").level()).isEqualTo(2);
        assertThat(SEV.map("SEV-4").rank()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
        "critical, P1", "CRITICAL, P1", "error, P2", "high, P2", "warning, P3", "warn, P3", "info, P4", "low, P4",
        "P1, P1", "p2, P2", "SEV-1, P1", "sev2, P2", "P0, P1", "SEV-9, P4", "banana, P3", "'', P3"
    })
    void builtInScheme(String given, String expected) {
        assertThat(SeverityScheme.DEFAULT.map(given).name()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "critical, P0",
        "error, P1",
        "high, P1",
        "warning, P2",
        "info, P3",
        "P0, P0",
        "P2, P2",
        "SEV-1, P1",
        "P9, P3",
        "Medium, P2"
    })
    void seedPriorityScheme(String given, String expected) {
        assertThat(P0_P3.map(given).name()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "critical, SEV-1",
        "error, SEV-2",
        "warning, SEV-3",
        "info, SEV-4",
        "sev 2, SEV-2",
        "P1, SEV-1",
        "S3, SEV-3"
    })
    void seedSevScheme(String given, String expected) {
        assertThat(SEV.map(given).name()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void keepsTheTargetsAndFallsBackWithoutLevels() {
        assertThat(P0_P3.map("critical").responseTargetSeconds()).isEqualTo(900L);
        assertThat(P0_P3.map("critical").responseTarget()).isEqualTo("15 minutes");
        assertThat(SeverityScheme.of(List.of())).isSameAs(SeverityScheme.DEFAULT);
        assertThat(SeverityScheme.DEFAULT.map("low").responseTargetSeconds()).isNull();
        assertThat(SEV.find("sev-3").name()).isEqualTo("SEV-3");
        assertThat(SEV.find("P3")).isNull();
        assertThat(SEV.rank("critical")).isLessThan(SEV.rank("warning"));
    }

    private static SeverityLevel level(String name, String label, String text, Long seconds) {
        return new SeverityLevel(name, label, label + " things", new Duration(text, seconds));
    }
}
