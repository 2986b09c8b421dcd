package dev.firebreak.notify;

import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Person;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserInvitations;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a person by email: the account, its one-time link and the mail with it in one
 * transaction; the mail goes through the ledger (retried) like every other message.
 */
@Service
public class Invitations {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final People people;
    private final UserInvitations invitations;
    private final OutsideMessages outside;
    private final NotifyProperties properties;
    private final SecureRandom random = new SecureRandom();

    Invitations(People people, UserInvitations invitations, OutsideMessages outside, NotifyProperties properties) {
        this.people = people;
        this.invitations = invitations;
        this.outside = outside;
        this.properties = properties;
    }

    /** What was sent: the link too, for the admin to pass on when mail does not reach the person. */
    public record Sent(String username, String email, String link, Instant expiresAt) {}

    /** A new account nobody knows the password of, and an invitation to set it. */
    @Transactional
    public Sent invite(String username, Role role, People.ProfileChange profile) {
        if (profile.email() == null || profile.email().isBlank()) {
            throw new FirebreakException.BadInput(
                    "email", "an invitation goes by email: give the address, or set a password instead");
        }
        byte[] unknown = new byte[24];
        random.nextBytes(unknown);
        people.create(username, Base64.getEncoder().encodeToString(unknown), role, profile);
        return send(people.get(username));
    }

    /** A fresh link for somebody who lost or never got theirs; older links stop working. */
    @Transactional
    public Sent resend(String username) {
        Person person = people.get(username);
        if (person.email() == null || person.email().isBlank()) {
            throw new FirebreakException.BadInput("email", username + " has no email address to invite");
        }
        return send(person);
    }

    private Sent send(Person person) {
        UserInvitations.Invitation invitation = invitations.issue(person.username());
        String link = properties.url("/invite/" + invitation.token());
        String body = "You are invited to Firebreak as " + person.username() + " ("
                + person.role().name().toLowerCase(java.util.Locale.ROOT) + ").\n\n"
                + "Choose your password here:\n" + link + "\n\n"
                + "The link works once, until " + WHEN.format(invitation.expiresAt()) + ".\n";
        outside.stage(new OutsideMessages.Outgoing(
                "invite:" + person.username() + ":" + invitation.expiresAt().toEpochMilli(),
                ChannelType.EMAIL,
                person.email(),
                "user:" + person.username(),
                "You are invited to Firebreak",
                body,
                null));
        return new Sent(person.username(), person.email(), link, invitation.expiresAt());
    }
}
