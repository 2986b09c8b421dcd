package dev.firebreak.web;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Users (admin): every account, create one, enable or disable, change role, reset password. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminPages {
    private final People people;
    private final UserAccounts accounts;
    private final dev.firebreak.notify.Invitations invitations;
    private final dev.firebreak.platform.security.UserInvitations links;

    UserAdminPages(
            People people,
            UserAccounts accounts,
            dev.firebreak.notify.Invitations invitations,
            dev.firebreak.platform.security.UserInvitations links) {
        this.invitations = invitations;
        this.links = links;
        this.people = people;
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("activeNav", "settings");
        model.addAttribute("people", people.list());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("zones", Zones.IDS);
        model.addAttribute("invited", links.pending());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "VIEWER") String role,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String timeZone,
            RedirectAttributes redirect) {
        if (password.isEmpty()) {
            // No password: the person chooses their own from the emailed link.
            return Flash.then(
                    redirect,
                    "/admin/users",
                    () -> invited(invitations.invite(
                            username, Role.parse(role), new People.ProfileChange(displayName, email, timeZone))));
        }
        return act(
                redirect,
                "User " + username + " created.",
                () -> people.create(
                        username, password, Role.parse(role), new People.ProfileChange(displayName, email, timeZone)));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(
                redirect,
                "User " + username + (enabled ? " enabled." : " disabled."),
                () -> accounts.setEnabled(username, enabled));
    }

    @PostMapping("/admin/users/{username}/role")
    String role(@PathVariable String username, @RequestParam String role, RedirectAttributes redirect) {
        return act(
                redirect,
                "User " + username + " is now " + role.toLowerCase() + ".",
                () -> accounts.changeRole(username, Role.parse(role)));
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String newPassword,
            RedirectAttributes redirect) {
        return act(
                redirect, "Password of " + username + " reset.", () -> accounts.resetPassword(username, newPassword));
    }

    /** A new link for a pending (or lost) invitation; the older link stops working. */
    @PostMapping("/admin/users/{username}/invite")
    String invite(@PathVariable String username, RedirectAttributes redirect) {
        return Flash.then(redirect, "/admin/users", () -> invited(invitations.resend(username)));
    }

    private static String invited(dev.firebreak.notify.Invitations.Sent sent) {
        return "Invitation for " + sent.username() + " sent to " + sent.email() + ". If it does not arrive, give them"
                + " this link (it works once, for 7 days): " + sent.link();
    }

    private static String act(RedirectAttributes redirect, String message, Runnable action) {
        return Flash.then(redirect, "/admin/users", Flash.done(message, action));
    }
}
