package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Why alert intake refused a request; nothing of it was stored. */
public class IntakeException extends FirebreakException {
    private final List<String> errors;

    public IntakeException(HttpStatus status, String message) {
        this(status, message, List.of(message));
    }

    public IntakeException(HttpStatus status, String message, List<String> errors) {
        super(status, message);
        this.errors = List.copyOf(errors);
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
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate limit of this integration exceeded; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
