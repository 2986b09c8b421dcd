package dev.firebreak.runbook.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's duration table; a cell with two values counts its first; "Immediate (5 minutes)" means 5 minutes. */
class DurationPhraseTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Immediate | 0",
                "Immediately | 0",
                "Immediate (5 minutes) | 300",
                "Immediate (within 2 hours) | 7200",
                "Immediate (critical) | 0",
                "< 30 minutes | 1800",
                "1 hour | 3600",
                "2 hours | 7200",
                "Next business day | 86400",
                "24 hours | 86400",
                "1 week | 604800",
                "1 month | 2592000",
                "5 min | 300",
                "Next sprint | null",
                "TBD | null",
                "< 1 hour (non-critical), Immediate (critical) | 3600"
            })
    void readsTheSpecsPhrases(String phrase, Long seconds) {
        assertThat(DurationPhrase.seconds(phrase)).isEqualTo(seconds);
    }
}
