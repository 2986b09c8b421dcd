package dev.firebreak.notify;

import dev.firebreak.notify.internal.CodeHash;
import dev.firebreak.notify.internal.ContactChannels;
import dev.firebreak.notify.internal.ContactStatusStore;
import dev.firebreak.notify.internal.MessageWriter;
import dev.firebreak.notify.internal.VerificationStore;
import dev.firebreak.notify.internal.VerificationStore.PendingCode;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves a contact method reaches its owner, as GoAlert does: a six-digit code goes out through
 * the ledger as a VERIFICATION message, and the owner types it back. Until then the method is not
 * paged. An admin may vouch for a method instead; both are kept in {@code notify_contact_audit}.
 */
@Service
public class ContactVerification {
    private static final Logger log = LoggerFactory.getLogger(ContactVerification.class);
    /** How long a code works. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    /** Wrong codes before the code stops working. */
    public static final int MAX_ATTEMPTS = 5;
    /** Codes to one method at most this often, so nobody floods an inbox or a phone with them. */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    private final PeopleDirectory people;
    private final ContactStatusStore statuses;
    private final VerificationStore codes;
    private final MessageWriter writer;
    private final ContactChannels channels;
    private final NotifyProperties properties;
    private final Clock clock;

    ContactVerification(
            PeopleDirectory people,
            ContactStatusStore statuses,
            VerificationStore codes,
            MessageWriter writer,
            ContactChannels channels,
            NotifyProperties properties,
            Clock clock) {
        this.people = people;
        this.statuses = statuses;
        this.codes = codes;
        this.writer = writer;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** Each of the person's contact methods with its state, in their order. */
    public List<ContactStatus> statuses(String username) {
        return methods(username).stream().map(this::status).toList();
    }

    public ContactStatus status(String username, long contactMethodId) {
        return status(method(username, contactMethodId));
    }

    /** Sends a new code to the method; an earlier one stops working. */
    @Transactional
    public VerificationSent request(String username, long contactMethodId, String actor) {
        ContactMethod method = method(username, contactMethodId);
        Optional<String> cannot = channels.cannotSend(method.kind());
        if (cannot.isPresent()) {
            throw new FirebreakException.Conflict("cannot send a code to " + method.address() + ": " + cannot.get());
        }
        Instant now = clock.instant();
        Optional<PendingCode> before = codes.lock(contactMethodId);
        if (before.isPresent() && before.get().sentAt() != null) {
            Instant again = before.get().sentAt().plus(RESEND_AFTER);
            if (again.isAfter(now)) {
                throw new TooSoon("a code was sent to " + method.address() + " moments ago: ask again in "
                        + Math.max(1, Duration.between(now, again).toSeconds()) + " s");
            }
        }
        String code = CodeHash.newCode();
        Instant expires = now.plus(CODE_LIFETIME);
        statuses.code(contactMethodId, username, CodeHash.hash(code), expires, now);
        int n = codes.issued(contactMethodId, now);
        long messageId = writer.direct(
                        "verify:" + contactMethodId + ":" + n,
                        MessageKind.VERIFICATION,
                        username,
                        method,
                        "Firebreak: confirm your contact method",
                        body(method, code))
                .orElseThrow(() -> new FirebreakException.Conflict("a code for this method is already on its way"));
        codes.audit(contactMethodId, username, "CODE_SENT", actor, now, "code " + n);
        return new VerificationSent(contactMethodId, messageId, method.address(), expires);
    }

    /** Checks the code; the right one verifies the method (and clears a disabled reason). */
    @Transactional(noRollbackFor = FirebreakException.BadInput.class)
    public ContactStatus confirm(String username, long contactMethodId, String code, String actor) {
        ContactMethod method = method(username, contactMethodId);
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            throw new FirebreakException.BadInput("code", "a code is the 6 digits from the message");
        }
        Instant now = clock.instant();
        PendingCode pending = codes.lock(contactMethodId)
                .filter(p -> p.codeHash() != null)
                .orElseThrow(() -> new FirebreakException.BadInput(
                        "code", "no code is pending for " + method.address() + ": ask for one first"));
        if (!pending.expiresAt().isAfter(now)) {
            throw new FirebreakException.BadInput("code", "the code has expired: ask for a new one");
        }
        if (!CodeHash.matches(typed, pending.codeHash())) {
            codes.wrongCode(contactMethodId);
            int left = MAX_ATTEMPTS - pending.attempts() - 1;
            if (left <= 0) {
                codes.dropCode(contactMethodId, now);
                codes.audit(contactMethodId, username, "CODE_LOCKED", actor, now, MAX_ATTEMPTS + " wrong codes");
                throw new FirebreakException.BadInput("code", "too many wrong codes: ask for a new one");
            }
            throw new FirebreakException.BadInput(
                    "code", "wrong code: " + left + (left == 1 ? " try" : " tries") + " left");
        }
        statuses.verified(contactMethodId, username, now);
        codes.audit(contactMethodId, username, "VERIFIED_BY_CODE", actor, now, null);
        return status(method);
    }

    /** An admin vouches for the method without a code; audited with their name and note. */
    @Transactional
    public ContactStatus markVerified(String username, long contactMethodId, String admin, String note) {
        ContactMethod method = method(username, contactMethodId);
        String detail = note == null || note.isBlank() ? null : note.strip();
        if (detail != null && detail.length() > 500) {
            throw new FirebreakException.BadInput("note", "a note is at most 500 characters");
        }
        Instant now = clock.instant();
        statuses.verified(contactMethodId, username, now);
        codes.audit(contactMethodId, username, "VERIFIED_BY_ADMIN", admin, now, detail);
        log.info(
                "{} marked contact method {} of {} verified{}",
                admin,
                contactMethodId,
                username,
                detail == null ? "" : ": " + detail);
        return status(method);
    }

    private String body(ContactMethod method, String code) {
        String link = properties.url("/account?verify=" + method.id() + "&code=" + code + "#contact-" + method.id());
        return "Your Firebreak verification code is " + code + ".\n\n"
                + "Enter it on your account page to confirm that pages reach you at " + method.address()
                + ", or open:\n" + link + "\n\n"
                + "The code expires in " + CODE_LIFETIME.toMinutes() + " minutes. If you did not ask for it,"
                + " ignore this message.";
    }

    private ContactStatus status(ContactMethod method) {
        Optional<ContactStatusStore.Status> stored = statuses.find(method.id());
        Instant now = clock.instant();
        Instant codeExpires = codes.find(method.id())
                .filter(p -> p.codeHash() != null
                        && p.expiresAt() != null
                        && p.expiresAt().isAfter(now))
                .map(PendingCode::expiresAt)
                .orElse(null);
        String disabled = stored.map(ContactStatusStore.Status::disabledReason).orElse(null);
        Instant verified = stored.map(ContactStatusStore.Status::verifiedAt).orElse(null);
        ContactStatus.State state = disabled != null
                ? ContactStatus.State.DISABLED
                : verified != null ? ContactStatus.State.VERIFIED : ContactStatus.State.NOT_VERIFIED;
        return new ContactStatus(
                method.id(),
                method.kind(),
                method.address(),
                method.label(),
                state,
                disabled,
                verified,
                codeExpires,
                channels.cannotSend(method.kind()).orElse(null));
    }

    private List<ContactMethod> methods(String username) {
        if (!people.userExists(username)) {
            throw new FirebreakException.NotFound("no user '" + username + "'");
        }
        return people.contactMethods(username);
    }

    private ContactMethod method(String username, long contactMethodId) {
        return methods(username).stream()
                .filter(m -> m.id() == contactMethodId)
                .findFirst()
                .orElseThrow(
                        () -> new FirebreakException.NotFound(username + " has no contact method " + contactMethodId));
    }
}
