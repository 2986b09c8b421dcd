package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {
    @Test
    void withStatusChangesOnlyTheStatus() {
        Instant t = Instant.parse("2026-11-30T01:00:00Z");
        Alert firing = new Alert(
                7,
                "abc",
                3,
                "dedup",
                Map.of("alertname", "Down"),
                Map.of("summary", "down"),
                AlertStatus.FIRING,
                t,
                t.plusSeconds(60),
                "http://prometheus/graph",
                4,
                t,
                t.plusSeconds(30));
        Alert resolved = firing.withStatus(AlertStatus.RESOLVED);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.withStatus(AlertStatus.FIRING)).isEqualTo(firing);
    }
}
