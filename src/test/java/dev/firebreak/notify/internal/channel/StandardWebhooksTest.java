package dev.firebreak.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheSpecsReferenceVector() {
        assertThat(StandardWebhooks.signature(
                        "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, VECTOR_BODY, List.of(VECTOR_SECRET)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotation_bothSecretsSign_currentFirst() {
        String current = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signature("id", 1, VECTOR_BODY, List.of(current, VECTOR_SECRET));
        assertThat(header.split(" "))
                .hasSize(2)
                .containsExactly(
                        StandardWebhooks.signature("id", 1, VECTOR_BODY, List.of(current)),
                        StandardWebhooks.signature("id", 1, VECTOR_BODY, List.of(VECTOR_SECRET)));
    }

    @Test
    void newSecrets_areWhsecAnd32RandomBytes() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
    }
}
