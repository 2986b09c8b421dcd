package dev.firebreak.alert.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    /** prometheus/common model/signature_test.go and fingerprinting_test.go (TestMetricToFingerprint). */
    @Test
    void matchesPrometheusCommonTestVectors() {
        assertThat(Long.toUnsignedString(Fingerprints.of(Map.of()))).isEqualTo("14695981039346656037");
        assertThat(Long.toUnsignedString(
                        Fingerprints.of(Map.of("name", "garland, briggs", "fear", "love is not enough"))))
                .isEqualTo("5799056148416392346");
    }

    @Test
    void rendersSixteenHexDigitsLikeAlertmanager() {
        // Fingerprint.String() is fmt.Sprintf("%016x"): 5799056148416392346 = 0x507a62d79ee76c9a.
        assertThat(Fingerprints.hex(Map.of("name", "garland, briggs", "fear", "love is not enough")))
                .isEqualTo("507a62d79ee76c9a");
        assertThat(Fingerprints.hex(Map.of())).isEqualTo("cbf29ce484222325");
    }

    @Test
    void labelOrderDoesNotMatterAndValuesDo() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("alertname", "HighLatency");
        a.put("job", "api");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("job", "api");
        b.put("alertname", "HighLatency");
        assertThat(Fingerprints.hex(a)).isEqualTo(Fingerprints.hex(b)).hasSize(16);
        assertThat(Fingerprints.hex(Map.of("alertname", "HighLatency", "job", "web")))
                .isNotEqualTo(Fingerprints.hex(a));
        // The separator keeps {"a": "bc"} and {"ab": "c"} apart.
        assertThat(Fingerprints.hex(Map.of("a", "bc"))).isNotEqualTo(Fingerprints.hex(Map.of("ab", "c")));
    }

    @Test
    void dedupKeysAreNamespacedByIntegration() {
        assertThat(Fingerprints.ofDedupKey(1, "disk-full")).isNotEqualTo(Fingerprints.ofDedupKey(2, "disk-full"));
        assertThat(Fingerprints.ofDedupKey(1, "disk-full")).isEqualTo(Fingerprints.ofDedupKey(1, "disk-full"));
    }

    @Test
    void contentHashIgnoresMapOrderAndSeesEveryChange() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HighLatency");
        labels.put("job", "api");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("job", "api");
        reversed.put("alertname", "HighLatency");
        Map<String, String> summary = Map.of("summary", "slow");
        String url = "http://prometheus:9090/graph";
        long hash = Fingerprints.content(labels, summary, url);
        assertThat(Fingerprints.content(reversed, summary, url)).isEqualTo(hash);
        assertThat(Fingerprints.content(labels, Map.of("summary", "slower"), url))
                .isNotEqualTo(hash);
        assertThat(Fingerprints.content(labels, Map.of(), url)).isNotEqualTo(hash);
        assertThat(Fingerprints.content(labels, summary, null)).isNotEqualTo(hash);
        assertThat(Fingerprints.content(labels, summary, url + "x")).isNotEqualTo(hash);
        // Moving an entry between labels and annotations is a change too.
        assertThat(Fingerprints.content(Map.of("a", "b"), Map.of(), null))
                .isNotEqualTo(Fingerprints.content(Map.of(), Map.of("a", "b"), null));
        assertThat(Fingerprints.content(Map.of("a", "bc"), Map.of(), null))
                .isNotEqualTo(Fingerprints.content(Map.of("ab", "c"), Map.of(), null));
    }
}
