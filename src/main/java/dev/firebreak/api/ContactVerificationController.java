package dev.firebreak.api;

import dev.firebreak.notify.ContactStatus;
import dev.firebreak.notify.ContactVerification;
import dev.firebreak.notify.VerificationSent;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact-method verification ({@code /api/v1/users/{u}/contact-methods/{id}/verification}): a
 * person (or an admin for them) asks for a code and confirms it; an admin may mark a method
 * verified without one. {@code GET /api/v1/users/{u}/contact-status} lists each method's state.
 */
@RestController
@RequestMapping("/api/v1/users/{username}")
class ContactVerificationController {
    private final ContactVerification verification;

    ContactVerificationController(ContactVerification verification) {
        this.verification = verification;
    }

    record Confirm(String code) {}

    record Mark(Boolean verified, String note) {}

    /** Everybody reads it, like the directory: who can be paged is no secret inside the team. */
    @GetMapping("/contact-status")
    List<ContactStatus> statuses(@PathVariable String username) {
        return verification.statuses(username);
    }

    @PostMapping("/contact-methods/{id}/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VerificationSent request(@PathVariable String username, @PathVariable long id, Authentication auth) {
        selfOrAdmin(username, auth);
        return verification.request(username, id, auth.getName());
    }

    @PostMapping("/contact-methods/{id}/verification/confirm")
    ContactStatus confirm(
            @PathVariable String username,
            @PathVariable long id,
            @RequestBody(required = false) Confirm body,
            Authentication auth) {
        selfOrAdmin(username, auth);
        return verification.confirm(username, id, body == null ? null : body.code(), auth.getName());
    }

    /** {"verified": true, "note": "..."}: an admin vouches for the method; audited. */
    @PutMapping("/contact-methods/{id}/verification")
    @PreAuthorize("hasRole('ADMIN')")
    ContactStatus mark(
            @PathVariable String username,
            @PathVariable long id,
            @RequestBody(required = false) Mark body,
            Authentication auth) {
        if (body == null || !Boolean.TRUE.equals(body.verified())) {
            throw new FirebreakException.BadInput(
                    "verified", "the JSON body is {\"verified\": true} (with an optional \"note\")");
        }
        return verification.markVerified(username, id, auth.getName(), body.note());
    }

    /** Checked before the user is looked up, so nobody learns which usernames exist from a 403/404. */
    static void selfOrAdmin(String username, Authentication auth) {
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !auth.getName().equals(username)) {
            throw new FirebreakException.Forbidden("you can change only your own contact methods and rules");
        }
    }
}
