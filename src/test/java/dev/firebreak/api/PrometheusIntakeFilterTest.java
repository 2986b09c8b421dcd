package dev.firebreak.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The content types the filter takes are those the controller's {@code consumes} took. */
class PrometheusIntakeFilterTest {
    @Test
    void takesJsonAndStructuredJsonSuffixes() {
        assertThat(PrometheusIntakeFilter.json("application/json")).isTrue();
        assertThat(PrometheusIntakeFilter.json("Application/JSON; charset=utf-8"))
                .isTrue();
        assertThat(PrometheusIntakeFilter.json("application/vnd.prometheus+json"))
                .isTrue();
        assertThat(PrometheusIntakeFilter.json(null)).isFalse();
        assertThat(PrometheusIntakeFilter.json("text/plain")).isFalse();
        assertThat(PrometheusIntakeFilter.json("text/json")).isFalse();
        assertThat(PrometheusIntakeFilter.json("application/jsonx")).isFalse();
        assertThat(PrometheusIntakeFilter.json("application/x-www-form-urlencoded"))
                .isFalse();
    }

    @Test
    void outcomesAreNamedAsSpringsObservationNamesThem() {
        assertThat(PrometheusIntakeFilter.outcome(200)).isEqualTo("SUCCESS");
        assertThat(PrometheusIntakeFilter.outcome(429)).isEqualTo("CLIENT_ERROR");
        assertThat(PrometheusIntakeFilter.outcome(500)).isEqualTo("SERVER_ERROR");
        assertThat(PrometheusIntakeFilter.outcome(302)).isEqualTo("REDIRECTION");
        assertThat(PrometheusIntakeFilter.outcome(99)).isEqualTo("UNKNOWN");
    }
}
