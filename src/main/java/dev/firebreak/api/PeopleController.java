package dev.firebreak.api;

import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Person;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * People ({@code /api/v1/users}): everybody reads the directory; a person edits their own profile
 * and contact methods, admins anybody's, and only admins create, disable, re-role or reset.
 */
@RestController
@RequestMapping("/api/v1")
class PeopleController {
    private final People people;
    private final UserAccounts accounts;

    PeopleController(People people, UserAccounts accounts) {
        this.people = people;
        this.accounts = accounts;
    }

    record NewUser(String username, String password, String role, String displayName, String email, String timeZone) {}

    record NewContactMethod(String kind, String address, String label) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    record PasswordReset(String newPassword) {}

    record RoleChange(String role) {}

    @GetMapping("/users")
    List<Person> list() {
        return people.list();
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Person> create(@RequestBody(required = false) NewUser body) {
        if (body == null) {
            throw new FirebreakException.BadInput(
                    "username", "the JSON body needs \"username\", \"password\" and \"role\"");
        }
        if (body.role() == null) {
            throw new FirebreakException.BadInput("role", "role must be one of viewer, responder, admin");
        }
        Person person = people.create(
                body.username(),
                body.password(),
                Role.parse(body.role()),
                new People.ProfileChange(body.displayName(), body.email(), body.timeZone()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + person.username()))
                .body(person);
    }

    @GetMapping("/users/{username}")
    Person get(@PathVariable String username) {
        return people.get(username);
    }

    /** displayName, email, timeZone: a missing field stays, an empty one is cleared. */
    @PatchMapping("/users/{username}")
    Person update(
            @PathVariable String username,
            @RequestBody(required = false) People.ProfileChange body,
            Authentication auth) {
        selfOrAdmin(username, auth);
        return people.update(username, body == null ? new People.ProfileChange(null, null, null) : body);
    }

    @PostMapping("/users/{username}/contact-methods")
    ResponseEntity<ContactMethod> addContactMethod(
            @PathVariable String username, @RequestBody(required = false) NewContactMethod body, Authentication auth) {
        selfOrAdmin(username, auth);
        if (body == null) {
            throw new FirebreakException.BadInput("kind", "the JSON body needs \"kind\" and \"address\"");
        }
        ContactMethod method = people.addContactMethod(username, body.kind(), body.address(), body.label());
        return ResponseEntity.created(URI.create("/api/v1/users/" + username + "/contact-methods/" + method.id()))
                .body(method);
    }

    @DeleteMapping("/users/{username}/contact-methods/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContactMethod(@PathVariable String username, @PathVariable long id, Authentication auth) {
        selfOrAdmin(username, auth);
        people.removeContactMethod(username, id);
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody(required = false) PasswordChange body, Authentication auth) {
        if (body == null) {
            throw new FirebreakException.BadInput(
                    "currentPassword", "the JSON body needs \"currentPassword\" and \"newPassword\"");
        }
        accounts.changePassword(auth.getName(), body.currentPassword(), body.newPassword());
    }

    @PostMapping("/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody(required = false) PasswordReset body) {
        accounts.resetPassword(username, body == null ? null : body.newPassword());
    }

    @PostMapping("/users/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    Person disable(@PathVariable String username) {
        accounts.setEnabled(username, false);
        return people.get(username);
    }

    @PostMapping("/users/{username}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    Person enable(@PathVariable String username) {
        accounts.setEnabled(username, true);
        return people.get(username);
    }

    @PutMapping("/users/{username}/role")
    @PreAuthorize("hasRole('ADMIN')")
    Person changeRole(@PathVariable String username, @RequestBody(required = false) RoleChange body) {
        accounts.changeRole(username, Role.parse(body == null ? null : body.role()));
        return people.get(username);
    }

    /** Checked before the user is looked up, so nobody learns which usernames exist from a 403/404. */
    private static void selfOrAdmin(String username, Authentication auth) {
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !auth.getName().equals(username)) {
            throw new FirebreakException.Forbidden("you can change only your own profile and contact methods");
        }
    }
}
