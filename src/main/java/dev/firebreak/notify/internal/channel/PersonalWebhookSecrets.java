package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.internal.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signing secrets of people's webhook contact methods, which on-call stores without one: HMAC of a
 * per-server key ({@link ServerKeys#PERSONAL_WEBHOOKS}) over the owner and the URL. Each method
 * gets its own secret, a changed URL a new one, and nothing new is stored per method.
 */
@Component
public class PersonalWebhookSecrets {
    private final ServerKeys keys;

    PersonalWebhookSecrets(ServerKeys keys) {
        this.keys = keys;
    }

    /** The {@code whsec_} secret that signs deliveries to this person's webhook URL. */
    public String secretFor(String username, String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(ServerKeys.PERSONAL_WEBHOOKS), "HmacSHA256"));
            byte[] derived =
                    mac.doFinal(("contact-webhook\n" + username + "\n" + url).getBytes(StandardCharsets.UTF_8));
            return StandardWebhooks.PREFIX + Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
