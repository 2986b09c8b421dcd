package dev.firebreak.api;

import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.FirebreakException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** What every alert intake endpoint reads from a sender and answers when it refuses one. */
final class IntakeAnswers {
    private IntakeAnswers() {}

    /**
     * The headers a refused sender acts on: when to retry (429, 503) and how to authenticate (401).
     */
    static Map<String, String> refusalHeaders(FirebreakException e) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e instanceof IntakeException refused && refused.retryAfter() != null) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter()));
        }
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return headers;
    }

    /** The key from {@code Bearer KEY} or from the password of {@code Basic base64(user:KEY)}. */
    static String key(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair =
                        new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
