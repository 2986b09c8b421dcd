package dev.firebreak.api;

import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.ApiTokens;
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
        return ApiTokens.credential(authorization);
    }
}
