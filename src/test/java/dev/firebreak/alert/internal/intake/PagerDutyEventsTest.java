package dev.firebreak.alert.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PagerDutyEventsTest {
    @Test
    void readsTimestampsAsPagerDutysExamplesWriteThem() {
        Instant expected = Instant.parse("2015-07-17T08:42:58.315Z");
        assertThat(PagerDutyEvents.timestamp("2015-07-17T08:42:58.315+0000")).isEqualTo(expected);
        assertThat(PagerDutyEvents.timestamp("2015-07-17T08:42:58.315+00:00")).isEqualTo(expected);
        assertThat(PagerDutyEvents.timestamp("2015-07-17T08:42:58.315Z")).isEqualTo(expected);
        assertThat(PagerDutyEvents.timestamp("2015-07-17T10:42:58.315+0200")).isEqualTo(expected);
        assertThat(PagerDutyEvents.timestamp("2015-07-17T08:42:58.315")).isEqualTo(expected);
    }
}
