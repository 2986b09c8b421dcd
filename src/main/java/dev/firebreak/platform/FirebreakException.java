package dev.firebreak.platform;

import org.springframework.http.HttpStatus;

/**
 * The one exception hierarchy of the product. Each subclass carries its HTTP status; the API maps
 * it to RFC 9457 problem+json and the CLI to a one-line message.
 */
public abstract class FirebreakException extends RuntimeException {
    private final HttpStatus status;

    protected FirebreakException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field at fault, or null. */
    public String field() {
        return null;
    }

    public static final class NotFound extends FirebreakException {
        public NotFound(String message) {
            super(HttpStatus.NOT_FOUND, message);
        }
    }

    public static final class BadInput extends FirebreakException {
        private final String field;

        public BadInput(String field, String message) {
            super(HttpStatus.BAD_REQUEST, message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }

    public static final class Conflict extends FirebreakException {
        public Conflict(String message) {
            super(HttpStatus.CONFLICT, message);
        }
    }

    public static final class Forbidden extends FirebreakException {
        public Forbidden(String message) {
            super(HttpStatus.FORBIDDEN, message);
        }
    }

    /** Asked again before a cooldown or rate limit lets it; the API answers 429 with Retry-After. */
    public static final class TooSoon extends FirebreakException {
        private final long retryAfterSeconds;

        public TooSoon(String message, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, message);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static final class TooLarge extends FirebreakException {
        public TooLarge(String message) {
            super(HttpStatus.CONTENT_TOO_LARGE, message);
        }
    }
}
