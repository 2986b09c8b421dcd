package dev.firebreak.notify;

import dev.firebreak.oncall.ContactMethod;
import java.time.Instant;

/**
 * Whether a contact method gets pages: verified by its owner (or an admin), not verified yet, or
 * disabled because its channel said the address is gone.
 *
 * @param reason why it is disabled, or null
 * @param codeExpiresAt when the code sent last stops working, or null when none is pending
 * @param cannotSend why nothing can be sent to it on this server (no mail server, no provider), or null
 */
public record ContactStatus(
        long contactMethodId,
        ContactMethod.Kind kind,
        String address,
        String label,
        State state,
        String reason,
        Instant verifiedAt,
        Instant codeExpiresAt,
        String cannotSend) {

    public enum State {
        VERIFIED,
        NOT_VERIFIED,
        DISABLED
    }

    /** Whether pages go to it: verified, enabled and sendable. */
    public boolean working() {
        return state == State.VERIFIED && cannotSend == null;
    }
}
