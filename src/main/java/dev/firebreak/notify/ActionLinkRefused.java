package dev.firebreak.notify;

import dev.firebreak.platform.FirebreakException;
import org.springframework.http.HttpStatus;

/** An acknowledge or resolve link that cannot act, with the reason a person reads. */
public class ActionLinkRefused extends FirebreakException {
    private final Reason reason;

    public ActionLinkRefused(Reason reason, String message) {
        super(reason.status, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        /** Not a link Firebreak signed: mistyped, cut short or tampered with. */
        INVALID(HttpStatus.FORBIDDEN),
        /** Used once already. */
        USED(HttpStatus.GONE),
        EXPIRED(HttpStatus.GONE),
        /** The paged person's account is disabled. */
        DISABLED(HttpStatus.FORBIDDEN),
        /** The incident is past it: acknowledged or resolved already. */
        DONE(HttpStatus.CONFLICT);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }
    }
}
