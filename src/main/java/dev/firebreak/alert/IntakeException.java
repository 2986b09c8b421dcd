package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Why alert intake refused a request; nothing of it was stored. */
public class IntakeException extends FirebreakException {
    private final List<String> errors;
    private final Long retryAfterSeconds;

    public IntakeException(HttpStatus status, String message) {
        this(status, message, List.of(message));
    }

    public IntakeException(HttpStatus status, String message, List<String> errors) {
        this(status, message, errors, null);
    }

    private IntakeException(HttpStatus status, String message, List<String> errors, Long retryAfterSeconds) {
        super(status, message);
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * When a retry may succeed, for the {@code Retry-After} header; null when it will not (bad
     * input, wrong key).
     */
    public Long retryAfter() {
        return retryAfterSeconds;
    }

    /** Every problem found, for PagerDuty's {@code errors} list. */
    public List<String> errors() {
        return errors;
    }

    /** A missing, unknown or disabled integration key, or a key of another integration type. */
    public static IntakeException unauthorized(String message) {
        return new IntakeException(HttpStatus.UNAUTHORIZED, message);
    }

    /** The integration sent more than its rate limit allows. */
    public static final class RateLimited extends IntakeException {
        private final long retryAfterSeconds;

        public RateLimited(long retryAfterSeconds) {
            this(retryAfterSeconds, "rate limit of this integration exceeded; retry after " + retryAfterSeconds + " s");
        }

        private RateLimited(long retryAfterSeconds, String message) {
            super(HttpStatus.TOO_MANY_REQUESTS, message, List.of(message), retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * The server cannot take the request now: the alert writer's queue is full, or the writer did
     * not answer in time (then the request may still be committed if the writer had taken it).
     */
    public static final class Unavailable extends IntakeException {
        public Unavailable(String message, long retryAfterSeconds) {
            super(HttpStatus.SERVICE_UNAVAILABLE, message, List.of(message), retryAfterSeconds);
        }
    }
}
