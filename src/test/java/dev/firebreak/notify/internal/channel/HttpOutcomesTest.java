package dev.firebreak.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.notify.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpOutcomesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void classifiesAnswers() {
        assertThat(HttpOutcomes.of(200, Optional.empty(), "ok", NOW)).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(HttpOutcomes.of(204, Optional.empty(), "", NOW)).isInstanceOf(DeliveryOutcome.Sent.class);
        for (int temporary : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(HttpOutcomes.of(temporary, Optional.empty(), "", NOW))
                    .as("%d", temporary)
                    .isInstanceOf(DeliveryOutcome.Temporary.class);
        }
        for (int permanent : new int[] {400, 401, 403, 404, 413}) {
            assertThat(HttpOutcomes.of(permanent, Optional.empty(), "no_service", NOW))
                    .as("%d", permanent)
                    .isEqualTo(new DeliveryOutcome.Permanent(permanent, "no_service", false));
        }
        assertThat(HttpOutcomes.of(410, Optional.empty(), "channel_is_archived", NOW))
                .isEqualTo(new DeliveryOutcome.Permanent(410, "channel_is_archived", true));
    }

    @Test
    void retryAfter_inSecondsOrAsAnHttpDate() {
        assertThat(HttpOutcomes.retryAfter(Optional.of("120"), NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpOutcomes.retryAfter(Optional.of(" 0 "), NOW)).isEqualTo(Duration.ZERO);
        assertThat(HttpOutcomes.retryAfter(Optional.of("Sun, 01 Mar 2026 12:01:30 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpOutcomes.retryAfter(Optional.of("Sun, 01 Mar 2026 11:00:00 GMT"), NOW))
                .as("a date in the past: at once")
                .isEqualTo(Duration.ZERO);
        assertThat(HttpOutcomes.retryAfter(Optional.of("99999999999999999999"), NOW))
                .isEqualTo(HttpOutcomes.MAX_RETRY_AFTER);
        assertThat(HttpOutcomes.retryAfter(Optional.of("soon"), NOW)).isNull();
        assertThat(HttpOutcomes.retryAfter(Optional.empty(), NOW)).isNull();
        var temporary = (DeliveryOutcome.Temporary) HttpOutcomes.of(429, Optional.of("7"), "rate_limited", NOW);
        assertThat(temporary.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void answers_areOneLineAndCut() {
        assertThat(HttpOutcomes.answer("a\n  b\tc ")).isEqualTo("a b c");
        assertThat(HttpOutcomes.answer("x".repeat(10_000)))
                .hasSize(HttpOutcomes.ANSWER_LIMIT)
                .endsWith("…");
        assertThat(HttpOutcomes.answer(null)).isEmpty();
    }
}
