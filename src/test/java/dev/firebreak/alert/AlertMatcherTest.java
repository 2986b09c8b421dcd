package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.platform.FirebreakException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMatcherTest {
    private static final Map<String, String> LABELS = Map.of("alertname", "HighLatency", "job", "api-gateway");

    @Test
    void parsesAlertmanagerSyntax() {
        assertThat(AlertMatcher.parse("job=\"api-gateway\"").matches(LABELS)).isTrue();
        assertThat(AlertMatcher.parse("job=api-gateway").matches(LABELS)).isTrue();
        assertThat(AlertMatcher.parse("job!=api-gateway").matches(LABELS)).isFalse();
        assertThat(AlertMatcher.parse("job=~\"api.*\"").matches(LABELS)).isTrue();
        assertThat(AlertMatcher.parse("job=~api").matches(LABELS))
                .as("regexes are anchored")
                .isFalse();
        assertThat(AlertMatcher.parse("job!~\"web.*\"").matches(LABELS)).isTrue();
        assertThat(AlertMatcher.parse("severity=\"\"").matches(LABELS))
                .as("missing label is empty")
                .isTrue();
        assertThat(AlertMatcher.parse("{job=\"api-gateway\"}").matches(LABELS))
                .as("braces as Alertmanager's filter syntax allows")
                .isTrue();
        assertThat(AlertMatcher.parse("alertname=\"a \\\"quoted\\\" name\"").value())
                .isEqualTo("a \"quoted\" name");
    }

    @Test
    void refusesNonsense() {
        for (String bad : List.of("", "job", "job=~\"(\"", "1job=x", "job=\"unterminated")) {
            assertThatThrownBy(() -> AlertMatcher.fromRequest("matcher", bad))
                    .as(bad)
                    .isInstanceOf(FirebreakException.BadInput.class);
        }
    }

    @Test
    void filterMatchesTextAndLabels() {
        Alert alert = new Alert(
                1,
                "0123456789abcdef",
                1,
                null,
                LABELS,
                Map.of("summary", "p99 above one second"),
                AlertStatus.FIRING,
                null,
                null,
                null,
                1,
                null,
                null);
        assertThat(new AlertFilter(null, "ONE SECOND", List.of(), null, null).matches(alert))
                .isTrue();
        assertThat(new AlertFilter(null, "nothing", List.of(), null, null).matches(alert))
                .isFalse();
        assertThat(new AlertFilter(null, null, List.of(AlertMatcher.parse("job=~api.*")), null, null).matches(alert))
                .isTrue();
        assertThat(new AlertFilter(null, null, List.of(), 5000, null).effectiveLimit())
                .isEqualTo(AlertFilter.MAX_LIMIT);
    }
}
